import { isYamlMap, type YamlMap } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import type { KResource } from '../resource/k-resource.js';
import { objectSelectedBy, walkFieldSpec } from './field-spec-walk.js';
import { wrongNodeKind } from './node-kind.js';
import { linkScalarFields, setFieldValue } from './scalar-aliases.js';

/** Go `sort.Strings` order (bytewise; equal to UTF-16 order for the keys labels use). */
export function sortedKeys(entries: Readonly<Record<string, string>>): string[] {
  return Object.keys(entries).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The shared body of kustomize's `labels` and `annotations` filters on one resource: for each
 * key in sorted order and each field spec (GVK checked on the current object), walk the path
 * creating maps where the spec says `create`, then set `key: value` as a string in the map
 * found there. A null map at the end of a non-creating path is left alone; a scalar or list
 * there is an error. Entries created for one key are aliased (see `scalar-aliases.ts`).
 */
export function setMapEntries(
  res: KResource,
  entries: Readonly<Record<string, string>>,
  fieldSpecs: readonly FieldSpec[],
): void {
  // The GVK does not change while labels are set: select the specs once.
  const specs = fieldSpecs.filter((spec) => objectSelectedBy(spec, res.object));
  for (const key of sortedKeys(entries)) {
    const value = entries[key] as string;
    const created: Array<{ map: YamlMap; key: string }> = [];
    for (const spec of specs) {
      walkFieldSpec(
        res.object,
        spec,
        (field) => {
          const node = field.value;
          if (node === null || node === undefined) return;
          if (!isYamlMap(node)) throw wrongNodeKind('MappingNode', node);
          if (Object.hasOwn(node, key)) {
            setFieldValue(node, key, value);
          } else {
            node[key] = value;
            created.push({ map: node, key });
          }
        },
        'map',
      );
    }
    linkScalarFields(created);
  }
}
