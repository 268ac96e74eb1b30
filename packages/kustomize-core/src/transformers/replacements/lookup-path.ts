/**
 * kyaml's `Lookup` (`PathGetter` without create), used to read replacement sources and var
 * values: map fields, non-negative indexes, `-` for the last element and `[key=value]` /
 * `[=value]` element matchers comparing raw scalar text exactly.
 *
 * @module
 */
import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { cleanPath, goAtoi, isListIndex, splitIndexNameValue } from './field-path.js';
import { scalarText, wrongKindError } from './node-text.js';

function elements(v: YamlValue): readonly YamlValue[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw wrongKindError('SequenceNode', v);
  return v;
}

function matchElement(v: YamlValue, key: string, value: string): YamlValue | undefined {
  for (const e of elements(v)) {
    if (key === '') {
      if (scalarText(e) === value && (e === null || typeof e !== 'object')) return e;
      if (typeof e === 'object' && e !== null && value === '') return e;
      continue;
    }
    if (!isYamlMap(e)) continue;
    if (Object.hasOwn(e, key) && scalarText(e[key] as YamlValue) === value) return e;
  }
  return undefined;
}

/**
 * The value at `path` under `root`, or `undefined` when some part is missing. Throws plain
 * `Error`s with kyaml's messages when a part meets the wrong kind of node
 * (`wrong node kind: expected MappingNode but got ScalarNode: ...`) or is malformed.
 */
export function lookupPath(root: YamlValue, path: readonly string[]): YamlValue | undefined {
  let match: YamlValue | undefined = root;
  for (const part of cleanPath(path)) {
    const cur: YamlValue = match;
    const idx = goAtoi(part);
    if (idx !== undefined) {
      if (idx < 0) throw new Error(`array index ${idx} cannot be negative`);
      match = elements(cur)[idx];
    } else if (part === '-') {
      const els = elements(cur);
      match = els[els.length - 1];
    } else if (isListIndex(part)) {
      const [key, value] = splitIndexNameValue(part);
      match = matchElement(cur, key, value);
    } else if (cur === null) {
      match = undefined;
    } else {
      if (!isYamlMap(cur)) throw wrongKindError('MappingNode', cur);
      match = Object.hasOwn(cur, part) ? cur[part] : undefined;
    }
    if (match === undefined) return undefined;
  }
  return match;
}
