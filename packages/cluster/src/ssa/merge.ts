import { cloneYaml, isYamlMap } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import type { FieldPath } from '../fieldpath/path-element.js';
import { fieldNode } from '../schema/type-schema.js';
import type { ListType, SchemaNode } from '../schema/type-schema.js';
import { indexItems } from './list-items.js';

/**
 * Merges an applied configuration (`rhs`) into a live object (`lhs`) as server-side apply does:
 * granular maps merge field by field, associative lists and sets merge item by item (keeping
 * the live order and slotting the applied items in the applied order), everything else is
 * replaced by the applied value.
 *
 * @example
 * ```ts
 * mergeValues({ a: 1, b: 2 }, { b: 3 }, DEDUCED_SCHEMA); // { a: 1, b: 3 }
 * ```
 */
export function mergeValues(lhs: YamlMap, rhs: YamlMap, schema: SchemaNode | undefined): YamlMap {
  return mergeMap(lhs, rhs, schema, []);
}

function mergeValue(
  lhs: YamlValue | undefined,
  rhs: YamlValue,
  node: SchemaNode | undefined,
  path: FieldPath,
): YamlValue {
  if (lhs === undefined) return cloneYaml(rhs);
  // A map applied as null keeps its fields (pruning removes what the applier owned).
  if (rhs === null && isYamlMap(lhs)) return cloneYaml(lhs);
  if (Array.isArray(lhs) && Array.isArray(rhs) && node?.list && node.list.type !== 'atomic')
    return mergeList(lhs, rhs, node.list, node.item, path);
  if (isYamlMap(lhs) && isYamlMap(rhs) && !node?.atomicMap) return mergeMap(lhs, rhs, node, path);
  return cloneYaml(rhs);
}

function mergeMap(
  lhs: YamlMap,
  rhs: YamlMap,
  node: SchemaNode | undefined,
  path: FieldPath,
): YamlMap {
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(lhs)) out[k] = cloneYaml(v);
  for (const [k, v] of Object.entries(rhs))
    out[k] = mergeValue(lhs[k], v, fieldNode(node, k), [...path, { field: k }]);
  return out;
}

function mergeList(
  lhs: readonly YamlValue[],
  rhs: readonly YamlValue[],
  list: ListType,
  item: SchemaNode | undefined,
  path: FieldPath,
): YamlValue[] {
  const left = indexItems(list, lhs, path, true);
  const right = indexItems(list, rhs, path, false);
  const shared = right.items.filter((r) => left.byId.has(r.id)).map((r) => r.id);
  let nextShared = 0;
  const merged = new Set<string>();
  const out: YamlValue[] = [];
  const mergeItem = (id: string, l: YamlValue | undefined, r: YamlValue | undefined): void => {
    const itemPath = [...path, (left.byId.get(id) ?? right.byId.get(id))!.element];
    out.push(r === undefined ? cloneYaml(l as YamlValue) : mergeValue(l, r, item, itemPath));
  };
  let li = 0;
  let ri = 0;
  while (li < left.items.length || ri < right.items.length) {
    const l = left.items[li];
    const r = right.items[ri];
    if (l && r && l.id === r.id) {
      merged.add(l.id);
      mergeItem(l.id, l.value, r.value);
      li++;
      ri++;
      if (shared[nextShared] === l.id) nextShared++;
      continue;
    }
    if (
      l &&
      r &&
      right.byId.has(l.id) &&
      shared[nextShared] !== undefined &&
      shared[nextShared] !== l.id
    ) {
      li++;
      continue;
    }
    if (l && !right.byId.has(l.id)) {
      mergeItem(l.id, l.value, undefined);
      li++;
      continue;
    }
    if (l && merged.has(l.id)) {
      li++;
      continue;
    }
    if (r) {
      merged.add(r.id);
      mergeItem(r.id, left.byId.get(r.id)?.value, r.value);
      ri++;
      if (shared[nextShared] === r.id) nextShared++;
      continue;
    }
    li++;
  }
  return out;
}
