/**
 * Low-level parsing of one YAML text with the `yaml` package, configured so that it only
 * builds the node tree (failsafe schema, no known-tag resolution, no duplicate-key check):
 * all typing is done afterwards with go-yaml's rules.
 *
 * @module
 */
import {
  parseAllDocuments,
  type Document,
  type ParseOptions,
  type DocumentOptions,
  type SchemaOptions,
} from 'yaml';
import type { KustomizeError } from '../errors.js';
import { YAML_LIMITS, checkBracketDepth, yamlLimitError } from './limits.js';
import { yamlError, type SourceRef } from './source-position.js';

/** Characters libyaml's reader rejects (it allows tab, LF, CR, NEL and the printable ranges). */
export const CONTROL_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'failsafe',
  resolveKnownTags: false,
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

/**
 * The first YAML document of `ref.text` (go-yaml's decoders read one document and ignore the
 * rest), or `undefined` when the text holds no document at all.
 *
 * @throws KustomizeError `InvalidYaml` for a syntax error in that document, or a control
 *   character anywhere in the text (libyaml's reader refuses those).
 */
export function parseFirstDocument(ref: SourceRef): Document.Parsed | undefined {
  const bad = CONTROL_CHARACTERS.exec(ref.text);
  if (bad !== null) throw yamlError(ref, bad.index, 'control characters are not allowed');
  checkBracketDepth(ref.text, ref.file);
  const docs = parseAll(ref);
  const list = Array.isArray(docs) ? docs : [];
  const doc = list[0];
  if (doc === undefined) return undefined;
  const err = doc.errors[0];
  if (err !== undefined) {
    if (/Maximum call stack/i.test(err.message)) throw tooDeep(ref);
    throw yamlError(ref, err.pos[0], firstLine(err.message), err);
  }
  return doc;
}

function parseAll(ref: SourceRef) {
  try {
    return parseAllDocuments(ref.text, OPTIONS);
  } catch (e) {
    // The parser recurses per nesting level: a stack overflow means a hostile depth.
    if (e instanceof RangeError) throw tooDeep(ref);
    throw e;
  }
}

function tooDeep(ref: SourceRef): KustomizeError {
  return yamlLimitError(
    ref.file,
    `document nests collections more than ${YAML_LIMITS.maxDepth} levels deep`,
  );
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  const m = i === -1 ? message : message.slice(0, i);
  return m.replace(/ at line \d+, column \d+:?$/, '');
}
