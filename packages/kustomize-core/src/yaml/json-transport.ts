/**
 * What happens to a string on its way from Go's `encoding/json` output into yaml.v2's
 * decoder inside `sigs.k8s.io/yaml.JSONToYAML`. Go's JSON encoder leaves most characters
 * raw, and yaml.v2 reads the JSON text as YAML 1.1:
 *
 * - its reader rejects raw U+007F–U+0084, U+0086–U+009F, U+FFFE and U+FFFF ("control
 *   characters are not allowed"), so kustomize fails on strings containing them;
 * - a raw U+0085 (NEL) is a line break inside a double-quoted scalar and gets folded: a run
 *   of spaces and NELs becomes one space (one NEL) or n-1 newlines (n NELs);
 * - object keys are implicit flow keys, which must stay on one line and end within 1024
 *   characters of their start: a key with a NEL, or whose JSON form is longer, fails.
 *
 * @module
 */
import { KustomizeError } from '../errors.js';
import { goJsonMarshal } from './go-json.js';

const SUSPECT = /[\u007f-\u009f\ufffe\uffff]/;
const REJECTED = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
const NEL_RUN = /[ \u0085]*\u0085[ \u0085]*/g;

/**
 * The string yaml.v2 decodes from the JSON encoding of `s`.
 *
 * @throws KustomizeError `Output` when yaml.v2 would reject the JSON text.
 */
export function throughGoJson(s: string): string {
  if (!SUSPECT.test(s)) return s;
  if (REJECTED.test(s)) {
    throw new KustomizeError('Output', 'yaml: control characters are not allowed', {
      data: { value: s },
    });
  }
  return s.replace(NEL_RUN, (run) => {
    let nels = 0;
    for (let i = 0; i < run.length; i++) if (run.charCodeAt(i) === 0x85) nels++;
    return nels === 1 ? ' ' : '\n'.repeat(nels - 1);
  });
}

/**
 * Checks that yaml.v2 can read `key` back as an object key of the JSON text (see the module
 * notes), then returns what it reads.
 *
 * @throws KustomizeError `Output` where kustomize fails with "did not find expected ',' or '}'".
 */
export function keyThroughGoJson(key: string): string {
  const tooLong = key.length > 170 && [...goJsonMarshal(key)].length > 1024;
  if (tooLong || key.includes('\u0085')) {
    throw new KustomizeError('Output', "yaml: line 1: did not find expected ',' or '}'", {
      data: { key },
    });
  }
  return throughGoJson(key);
}
