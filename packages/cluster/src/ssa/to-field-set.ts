import { isYamlMap } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { FieldSet } from '../fieldpath/field-set.js';
import type { FieldPath } from '../fieldpath/path-element.js';
import { fieldNode, isElementField } from '../schema/type-schema.js';
import type { SchemaNode } from '../schema/type-schema.js';
import { indexItems } from './list-items.js';

/** Visits every owned path of a value with its leaf value (`undefined` for list-item paths). */
export type LeafVisitor = (path: FieldPath, leaf: YamlValue | undefined) => void;

/**
 * The set of fields a value sets, as structured-merge-diff counts them: scalars, `null`s, empty
 * maps, atomic lists and maps, and each item of an associative list or set (plus its fields).
 *
 * @example
 * ```ts
 * toFieldSet({ data: { a: '1' } }, DEDUCED_SCHEMA).toStrings(); // ['.data.a']
 * ```
 */
export function toFieldSet(
  value: YamlMap,
  schema: SchemaNode | undefined,
  allowDuplicates = false,
): FieldSet {
  const set = new FieldSet();
  walkFields(value, schema, (path) => set.insert(path), allowDuplicates);
  return set;
}

/**
 * Walks the owned paths of a map value (see {@link toFieldSet}); with `visitInner` also the
 * non-empty maps on the way (as `undefined` leaves), which comparisons count as added or removed.
 *
 * @example
 * ```ts
 * walkFields(object, schema, (path, leaf) => console.log(formatFieldPath(path), leaf));
 * ```
 */
export function walkFields(
  value: YamlMap,
  schema: SchemaNode | undefined,
  visit: LeafVisitor,
  allowDuplicates = false,
  visitInner = false,
): void {
  const walkValue = (
    v: YamlValue,
    node: SchemaNode | undefined,
    path: FieldPath,
    member: boolean,
  ): void => {
    if (Array.isArray(v)) {
      const list = node?.list;
      if (!list || list.type === 'atomic') return visit(path, v);
      if ((member || visitInner) && v.length > 0) visit(path, undefined);
      const { items, duplicates } = indexItems(list, v, path, allowDuplicates);
      for (const item of items) {
        const itemPath = [...path, item.element];
        if (duplicates.has(item.id)) {
          // A repeated item is owned as a whole: its value is every occurrence.
          visit(
            itemPath,
            items.filter((i) => i.id === item.id).map((i) => i.value),
          );
          continue;
        }
        visit(itemPath, isYamlMap(item.value) ? undefined : item.value);
        if (isYamlMap(item.value)) walkMap(item.value, node?.item, itemPath);
      }
      return;
    }
    if (isYamlMap(v)) {
      if (node?.atomicMap || Object.keys(v).length === 0) return visit(path, v);
      if ((member || visitInner) && path.length > 0) visit(path, undefined);
      return walkMap(v, node, path);
    }
    visit(path, v);
  };
  const walkMap = (m: YamlMap, node: SchemaNode | undefined, path: FieldPath): void => {
    for (const [key, v] of Object.entries(m))
      walkValue(v, fieldNode(node, key), [...path, { field: key }], isElementField(node, key));
  };
  walkMap(value, schema, []);
}
