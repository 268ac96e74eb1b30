import { cloneYaml, isYamlMap } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import type { FieldSet } from '../fieldpath/field-set.js';
import type { FieldPath } from '../fieldpath/path-element.js';
import { fieldNode } from '../schema/type-schema.js';
import type { SchemaNode } from '../schema/type-schema.js';
import { indexItems } from './list-items.js';

/**
 * A copy of `value` without the map fields and list items whose paths are in `set`
 * (each removed with everything under it). With `emptied`, a map left empty by the removal is
 * set to `null` when its path is in `emptied` and dropped otherwise.
 *
 * @example
 * ```ts
 * removeItems({ a: 1, b: 2 }, new FieldSet([[{ field: 'a' }]]), DEDUCED_SCHEMA); // { b: 2 }
 * ```
 */
export function removeItems(
  value: YamlMap,
  set: FieldSet,
  schema: SchemaNode | undefined,
  emptied?: FieldSet,
): YamlMap {
  return removeFromMap(value, set, schema, [], emptied);
}

function removeFrom(
  value: YamlValue,
  set: FieldSet,
  node: SchemaNode | undefined,
  path: FieldPath,
  emptied: FieldSet | undefined,
): YamlValue {
  if (!set.hasDescendantOf(path)) return cloneYaml(value);
  if (Array.isArray(value) && node?.list && node.list.type !== 'atomic') {
    const { items } = indexItems(node.list, value, path, true);
    const out: YamlValue[] = [];
    for (const item of items) {
      const itemPath = [...path, item.element];
      if (set.has(itemPath)) continue;
      out.push(removeFrom(item.value, set, node.item, itemPath, emptied));
    }
    return out;
  }
  if (isYamlMap(value) && !node?.atomicMap) return removeFromMap(value, set, node, path, emptied);
  return cloneYaml(value);
}

function removeFromMap(
  value: YamlMap,
  set: FieldSet,
  node: SchemaNode | undefined,
  path: FieldPath,
  emptied: FieldSet | undefined,
): YamlMap {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(value)) {
    const childPath = [...path, { field: k }];
    if (set.has(childPath)) continue;
    const child = removeFrom(v, set, fieldNode(node, k), childPath, emptied);
    // A map emptied by pruning becomes null when someone owns it, else goes with its last field.
    if (emptied && isEmptied(v, child)) {
      if (emptied.has(childPath)) out[k] = null;
      continue;
    }
    out[k] = child;
  }
  return out;
}

function isEmptied(before: YamlValue, after: YamlValue): boolean {
  return (
    isYamlMap(before) &&
    isYamlMap(after) &&
    Object.keys(before).length > 0 &&
    Object.keys(after).length === 0
  );
}
