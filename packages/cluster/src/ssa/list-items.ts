import { isYamlMap } from '@kustomate/resource';
import type { YamlValue } from '@kustomate/resource';
import { elementToFieldsV1, formatFieldPath } from '../fieldpath/path-element.js';
import type { FieldPath, PathElement } from '../fieldpath/path-element.js';
import type { ListType } from '../schema/type-schema.js';
import { SsaError } from './ssa-error.js';

/** A list item with the path element that names it. */
export interface IndexedItem {
  element: PathElement;
  /** `elementToFieldsV1(element)`, for lookups. */
  id: string;
  value: YamlValue;
}

/**
 * The path element of item `index` of a non-atomic list: its key fields (defaults filled in)
 * for a map list, its value for a set.
 *
 * @example
 * ```ts
 * itemElement({ type: 'map', keys: ['name'] }, { name: 'a' }, 0, []); // { key: [['name', 'a']] }
 * ```
 */
export function itemElement(
  list: ListType,
  item: YamlValue,
  index: number,
  path: FieldPath,
): PathElement {
  if (list.type === 'set') {
    if (item !== null && typeof item === 'object')
      throw new SsaError('invalid', `${formatFieldPath(path)}: set items must be scalars`);
    return { value: item };
  }
  if (list.type !== 'map') return { index };
  if (!isYamlMap(item))
    throw new SsaError('invalid', `${formatFieldPath(path)}: associative list items must be maps`);
  const key: [string, YamlValue][] = [];
  for (const name of list.keys ?? []) {
    const value = item[name] ?? list.keyDefaults?.[name];
    if (value !== undefined) key.push([name, value]);
  }
  if (key.length === 0)
    throw new SsaError(
      'invalid',
      `${formatFieldPath(path)}: associative list with keys has an element that omits all key fields ${JSON.stringify(list.keys ?? [])}`,
    );
  key.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { key };
}

/**
 * Indexes a list's items by path element. With `allowDuplicates` false a repeated key fails;
 * with it true every occurrence is returned and `duplicates` names the repeated ids.
 *
 * @example
 * ```ts
 * indexItems({ type: 'set' }, ['a', 'b'], [], false).items.length; // 2
 * ```
 */
export function indexItems(
  list: ListType,
  items: readonly YamlValue[],
  path: FieldPath,
  allowDuplicates: boolean,
): { items: IndexedItem[]; byId: Map<string, IndexedItem>; duplicates: Set<string> } {
  const out: IndexedItem[] = [];
  const byId = new Map<string, IndexedItem>();
  const duplicates = new Set<string>();
  items.forEach((value, index) => {
    const element = itemElement(list, value, index, path);
    const id = elementToFieldsV1(element);
    if (byId.has(id)) {
      if (!allowDuplicates)
        throw new SsaError(
          'invalid',
          `${formatFieldPath(path)}: duplicate entries for key ${id.slice(2)}`,
        );
      duplicates.add(id);
    } else byId.set(id, { element, id, value });
    out.push({ element, id, value });
  });
  return { items: out, byId, duplicates };
}
