import { isYamlMap, type YamlValue } from '@kustomate/resource';
import type { SchemaCursor } from '../schema/custom-schema.js';
import { findElement, getElementField, setElement } from './smp-elements.js';
import {
  fieldOf,
  isEmptyMap,
  isMissingOrNull,
  isNilOrEmpty,
  kindOf,
  resolvePlainScalar,
  scalarText,
  wrongKind,
} from './smp-node.js';
import { visitList, type Sources } from './smp-visitor.js';
import { setOwn } from './set-own.js';

/** Merges one pair of list elements (the walker, passed in to avoid an import cycle). */
export type ElementWalk = (
  sources: Sources,
  schema: SchemaCursor | undefined,
) => YamlValue | undefined;

/**
 * kyaml `walk.walkAssociativeSequence` with prepend order (kustomize's SMP setting): the
 * elements named in the patch come first, in patch order, merged with the target's element
 * carrying the same merge-key values; then the target's other elements. Ported step by
 * step, including the multi-key wildcard matching that can lose patch data.
 */
export function walkAssociativeSequence(
  sources: Sources,
  schema: SchemaCursor,
  walk: ElementWalk,
): YamlValue | undefined {
  const dest = visitList(sources, true);
  sources[0] = dest;
  if (dest === undefined) return undefined;
  const info = schema.listMerge();
  const keys = info.associative && !info.primitive ? [...info.keys] : [];
  const values = elementValues(sources, keys);
  if (values.length !== 0 || keys.length > 0) {
    return setAssociativeElements(sources, schema, values, keys, dest, walk);
  }
  return setAssociativeElements(sources, schema, primitiveValues(sources), [''], dest, walk);
}

/** Patch-then-target order of the distinct merge-key value rows of all elements. */
function elementValues(sources: Sources, keys: readonly string[]): string[][] {
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!Array.isArray(source)) continue;
    for (const elem of source) {
      const row = keys.map((key) => {
        const value = isYamlMap(elem) ? fieldOf(elem, key) : undefined;
        return isNilOrEmpty(value) ? '' : scalarText(value);
      });
      const id = JSON.stringify(row);
      if (row.length === 0 || seen.has(id)) continue;
      rows.push(row);
      seen.add(id);
    }
  }
  return rows;
}

function primitiveValues(sources: Sources): string[][] {
  const rows: string[][] = [];
  const seen = new Set<string>();
  for (const source of [sources[1], sources[0]]) {
    if (!Array.isArray(source)) continue;
    for (const item of source) {
      const text = scalarText(item);
      if (seen.has(text)) continue;
      rows.push([text]);
      seen.add(text);
    }
  }
  return rows;
}

/** Two rows match when they share a value and differ only where one of them is empty. */
function matchRows(a: readonly string[], b: readonly string[]): string[] | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const merged: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) {
      common = true;
      merged.push(x);
    } else if (x !== '' && y !== '') {
      return undefined;
    } else {
      merged.push(x !== '' ? x : y);
    }
  }
  return common ? merged : undefined;
}

/** kyaml `mergeValues`, in place, visiting pairs in the same order. */
function mergeRows(rows: string[][]): void {
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i] as string[];
    for (let j = 0; j < rows.length; j++) {
      const merged = matchRows(a, rows[j] as string[]);
      if (merged) {
        rows[i] = merged;
        rows[j] = merged;
      }
    }
  }
}

/** kyaml `validateKeys`: keep the keys some row has a value for (all keys if none has). */
function validateKeys(
  rows: readonly string[][],
  values: readonly string[],
  keys: readonly string[],
): [string[], string[]] {
  const present = new Set<string>();
  for (const row of rows) row.forEach((v, i) => v !== '' && present.add(keys[i] as string));
  if (present.size === 0) return [[...keys], [...values]];
  return [
    keys.filter((k) => present.has(k)),
    values.filter((v, i) => v !== '' || present.has(keys[i] as string)),
  ];
}

function elementSources(
  sources: Sources,
  keys: readonly string[],
  values: readonly string[],
): Sources {
  const [k, v] = validateKeys([values as string[]], values, keys);
  return [findElement(sources[0], k, v), findElement(sources[1], k, v)];
}

function setAssociativeElements(
  sources: Sources,
  schema: SchemaCursor,
  rows: string[][],
  keys: readonly string[],
  dest: YamlValue,
  walk: ElementWalk,
): YamlValue | undefined {
  const items: YamlValue[] = [];
  const elementSchema = schema.elements();
  if (keys.length > 1) mergeRows(rows);
  let validKeys: string[] = [];
  let validValues: string[] = [];
  for (const values of rows) {
    if (values.length === 0) continue;
    [validKeys, validValues] = validateKeys(rows, values, keys);
    const value = walk(elementSources(sources, validKeys, validValues), elementSchema);
    let removed = false;
    validKeys.forEach((key, i) => {
      if (isMissingOrNull(value) || isEmptyMap(value)) {
        removeElements(dest, validKeys, validValues);
        removed = true;
      } else if (fieldOf(value, key) === undefined && validValues[i] !== '') {
        setKeyField(value, key, validValues[i] as string);
      }
    });
    if (removed || value === undefined) continue;
    setElement(items, { element: value, keys: validKeys, values: validValues });
  }
  const merged = rows.length > 0 ? appendElements(items, dest, validKeys) : dest;
  return isMissingOrNull(merged) ? undefined : merged;
}

function removeElements(dest: YamlValue, keys: string[], values: string[]): void {
  if (dest === null) return;
  if (!Array.isArray(dest)) throw wrongKind('SequenceNode', dest);
  setElement(dest, { keys, values });
}

/** kyaml sets a merge key the merged element lacks (untagged, so it re-resolves on output). */
function setKeyField(element: YamlValue, key: string, text: string): void {
  if (key === '') {
    if (kindOf(element) !== 'ScalarNode') throw wrongKind('ScalarNode', element);
    return;
  }
  if (!isYamlMap(element)) throw wrongKind('MappingNode', element);
  setOwn(element, key, resolvePlainScalar(text));
}

/** kyaml `appendListNode(dst, src, keys)`: sets each `src` element into `dst`. */
function appendElements(dst: YamlValue[], src: YamlValue, keys: readonly string[]): YamlValue[] {
  if (!Array.isArray(src)) return dst;
  for (const elem of [...src]) {
    if (keys[0] === '') {
      setElement(dst, { element: elem, keys: [''], values: [scalarText(elem)] });
      continue;
    }
    const values: string[] = [];
    for (const key of keys) {
      const value = getElementField(elem, key);
      if (value === undefined) dst.push(elem);
      else values.push(scalarText(value));
    }
    if (keys.length > 1) setElement(dst, { keys, values });
    setElement(dst, { element: elem, keys, values });
  }
  return dst;
}
