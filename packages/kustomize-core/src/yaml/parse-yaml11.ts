/**
 * Reading kustomization files, transformer configurations and JSON 6902 patch files the way
 * kustomize does: `sigs.k8s.io/yaml.YAMLToJSON` (yaml.v2, i.e. YAML 1.1) and back.
 *
 * @module
 */
import type { YamlValue } from '@kustomate/resource';
import { Composer } from './composer.js';
import { checkTextLength } from './limits.js';
import { parseFirstDocument } from './parse-documents.js';
import type { SourceRef } from './source-position.js';

/**
 * Parses the first YAML document of `text` with yaml.v2 (YAML 1.1) semantics and returns it
 * as JSON would see it after `sigs.k8s.io/yaml.YAMLToJSON`:
 *
 * - `yes/no/on/off/y/n` in all of yaml.v2's spellings are booleans; ints and floats as
 *   yaml.v2 resolves them (`0x1F`, `017`, `1_000`, `0b101`); timestamps stay strings;
 * - map keys are turned into strings (`1: a` → `"1"`, `1.5: a` → `"1.5"`, `y: a` →
 *   `"true"`); null keys are errors;
 * - `<<` merges are applied in order (yaml.v2: later keys overwrite earlier ones, earlier
 *   merge sources win over later ones); duplicate keys: the last one wins;
 * - numbers are JS numbers, integers beyond 2^53 `bigint`; `.inf`/`.nan` are errors.
 *
 * An empty or comment-only document gives `null`.
 *
 * @param text - the file content.
 * @param file - the file path, used in error messages and locations.
 * @throws KustomizeError `InvalidYaml` naming the file and line; `LimitExceeded` past a limit
 *   of `YAML_LIMITS` (yaml/limits.ts) (size, nesting depth, alias expansion).
 *
 * @example
 * ```ts
 * parseYaml11('commonLabels: {app: on}\n') // { commonLabels: { app: true } }
 * ```
 */
export function parseYaml11(text: string, file?: string): YamlValue {
  checkTextLength(text, file);
  const normalised = text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
  const ref: SourceRef = {
    ...(file === undefined ? {} : { file }),
    text: normalised,
    baseOffset: 0,
    baseLine: 0,
  };
  const doc = parseFirstDocument(ref);
  if (doc === undefined || doc.contents === null) return null;
  return new Composer('v2', ref).value(doc.contents);
}
