/**
 * Reading resource files the way kustomize does (kyaml `ByteReader` with yaml.v3, then
 * `RNode.MarshalJSON` back into plain data).
 *
 * @module
 */
import { isScalar } from 'yaml';
import type { YamlValue } from '@kustomate/resource';
import { Composer } from './composer.js';
import { checkTextLength } from './limits.js';
import { parseFastDocument } from './fast-parse.js';
import { parseFirstDocument } from './parse-documents.js';
import { resolveScalarNode, shortTag } from './scalar-value.js';
import { splitYamlDocuments } from './split-documents.js';
import { yamlError, type SourceRef } from './source-position.js';

/** A chunk whose first meaningful line is a directive (`%YAML`, `%TAG`). */
const DIRECTIVE_FIRST = /^(?:[ \t]*(?:#[^\n]*)?\n)*%/;
const DOC_START = /^---(?:[ \t\n]|$)/m;

/** True when a document root is a null scalar, which kyaml skips like an empty document. */
function isNullRoot(node: unknown): boolean {
  if (!isScalar(node)) return false;
  if (shortTag(node.tag) === '!!null') return true;
  try {
    return resolveScalarNode('v3', node).tag === '!!null';
  } catch {
    return false;
  }
}

/**
 * Parses a resource file (a multi-document YAML stream) into plain values with the
 * semantics kustomize applies before printing a resource:
 *
 * - `\r\n` → `\n`; documents split at `---` lines (kyaml's splitter); empty, comment-only
 *   and `null` documents skipped; only the first document of each chunk is read;
 * - yaml.v3 scalar resolution: only `true`/`false` (three spellings) are booleans; ints via
 *   Go's `ParseInt` base 0 (`0x1F`, `0o17`, `017`, `0b101`, `1_000`, `+1`), beyond 2^53 as
 *   `bigint`, beyond uint64 as floats; `1e400` stays a string; timestamps become their
 *   RFC 3339 text (`2001-12-14` → `2001-12-14T00:00:00Z`); `!!binary` is decoded; unknown
 *   tags give strings; explicit `!!str`/`!!int`/`!!float`/… are honoured;
 * - aliases expanded (as copies), `<<` merge keys applied as kyaml does (explicit keys win,
 *   earlier merge sources win), `"<<"` keys dropped;
 * - top-level keys are the key text (`1: x` → `"1"`); nested non-string keys, null keys,
 *   duplicate keys, `.inf`/`.nan` values are errors (kustomize fails on them at output).
 *
 * Kinds, names and `List` expansion are not checked here.
 *
 * @param text - the file content.
 * @param file - the file path, used in error messages and locations.
 * @returns one value per non-empty document, in file order (usually maps).
 * @throws KustomizeError `InvalidYaml` naming the file, document and line; `LimitExceeded`
 *   past a limit of `YAML_LIMITS` (yaml/limits.ts) (size, nesting depth, alias expansion).
 *
 * @example
 * ```ts
 * parseResourceYaml('a: 017\n---\nb: yes\n') // [{ a: 15 }, { b: 'yes' }]
 * ```
 */
export function parseResourceYaml(text: string, file?: string): YamlValue[] {
  checkTextLength(text, file);
  const out: YamlValue[] = [];
  const chunks = splitYamlDocuments(text, file);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i];
    if (chunk === undefined) continue;
    const ref: SourceRef = {
      ...(file === undefined ? {} : { file }),
      text: chunk.text,
      baseOffset: chunk.offset,
      baseLine: chunk.line,
      document: i,
    };
    if (DIRECTIVE_FIRST.test(chunk.text) && !DOC_START.test(chunk.text)) {
      // kyaml cut the `---` after the directives into another chunk; yaml.v3 then fails.
      throw yamlError(ref, chunk.text.length, 'did not find expected <document start>');
    }
    const fast = parseFastDocument(chunk.text);
    if (fast !== undefined) {
      out.push(fast);
      continue;
    }
    const doc = parseFirstDocument(ref);
    if (doc === undefined || doc.contents === null || isNullRoot(doc.contents)) continue;
    out.push(new Composer('v3', ref).value(doc.contents, true));
  }
  return out;
}
