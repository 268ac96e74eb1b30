import type { YamlMap, YamlValue } from '@kustomate/resource';
import { FieldSet } from '../fieldpath/field-set.js';
import { canonicalJson, elementToFieldsV1 } from '../fieldpath/path-element.js';
import type { FieldPath } from '../fieldpath/path-element.js';
import type { SchemaNode } from '../schema/type-schema.js';
import { walkFields } from './to-field-set.js';

/** What changed between two versions of an object, as owned-field paths. */
export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

function leaves(value: YamlMap, schema: SchemaNode | undefined) {
  const out = new Map<string, { path: FieldPath; leaf: string | undefined }>();
  walkFields(
    value,
    schema,
    (path, leaf: YamlValue | undefined) =>
      out.set(path.map(elementToFieldsV1).join('\u0001'), {
        path,
        leaf: leaf === undefined ? undefined : canonicalJson(leaf),
      }),
    true,
    true,
  );
  return out;
}

/**
 * Compares two versions of an object field by field.
 *
 * @example
 * ```ts
 * compareObjects({ a: 1 }, { a: 2, b: 1 }, DEDUCED_SCHEMA).added.toStrings(); // ['.b']
 * ```
 */
export function compareObjects(
  oldValue: YamlMap,
  newValue: YamlMap,
  schema: SchemaNode | undefined,
): Comparison {
  const before = leaves(oldValue, schema);
  const after = leaves(newValue, schema);
  const result: Comparison = {
    added: new FieldSet(),
    modified: new FieldSet(),
    removed: new FieldSet(),
  };
  for (const [key, entry] of after) {
    const old = before.get(key);
    if (!old) result.added.insert(entry.path);
    else if (isModified(old.leaf, entry.leaf)) result.modified.insert(entry.path);
  }
  for (const [key, entry] of before) if (!after.has(key)) result.removed.insert(entry.path);
  return result;
}

/**
 * Leaves differ when their values do; a map that gains or loses all its fields (null or `{}` on
 * one side, fields on the other) is not itself modified, only its fields are added or removed.
 */
function isModified(before: string | undefined, after: string | undefined): boolean {
  if (before === after) return false;
  if (before === undefined) return after !== 'null' && after !== '{}';
  if (after === undefined) return before !== 'null' && before !== '{}';
  return true;
}
