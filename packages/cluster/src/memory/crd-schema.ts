import { isYamlMap } from '@kustomate/resource';
import type { YamlValue } from '@kustomate/resource';
import { DEDUCED_SCHEMA } from '../schema/type-schema.js';
import type { SchemaNode } from '../schema/type-schema.js';

const MAX_DEPTH = 32;

/**
 * The merge schema of a CRD version from its `openAPIV3Schema`: `x-kubernetes-list-type`
 * (`map` with `x-kubernetes-list-map-keys`, `set`, `atomic`), `x-kubernetes-map-type: atomic`,
 * named `properties` and `additionalProperties` maps.
 *
 * @example
 * ```ts
 * crdSchema({ type: 'object', properties: { spec: { type: 'object' } } });
 * ```
 */
export function crdSchema(schema: YamlValue | undefined, depth = 0): SchemaNode {
  const node: SchemaNode = {};
  if (!isYamlMap(schema) || depth > MAX_DEPTH) return node;
  // Unknown fields are kept as they come: no schema below, as structured-merge-diff deduces it.
  if (schema['x-kubernetes-preserve-unknown-fields'] === true && !isYamlMap(schema['properties']))
    return DEDUCED_SCHEMA;
  const listType = schema['x-kubernetes-list-type'];
  if (schema['type'] === 'array') {
    if (listType === 'map') {
      const keys = schema['x-kubernetes-list-map-keys'];
      node.list = { type: 'map', keys: Array.isArray(keys) ? keys.map(String) : [] };
      const items = isYamlMap(schema['items']) ? schema['items'] : undefined;
      const props = items && isYamlMap(items['properties']) ? items['properties'] : {};
      const defaults: Record<string, YamlValue> = {};
      for (const key of node.list.keys ?? []) {
        const prop = props[key];
        if (isYamlMap(prop) && prop['default'] !== undefined) defaults[key] = prop['default'];
      }
      if (Object.keys(defaults).length > 0) node.list = { ...node.list, keyDefaults: defaults };
    } else if (listType === 'set') node.list = { type: 'set' };
    node.item = crdSchema(schema['items'], depth + 1);
    return node;
  }
  if (schema['x-kubernetes-map-type'] === 'atomic') node.atomicMap = true;
  const props = schema['properties'];
  if (isYamlMap(props)) {
    node.fields = new Map();
    for (const [name, prop] of Object.entries(props))
      node.fields.set(name, crdSchema(prop, depth + 1));
  }
  const additional = schema['additionalProperties'];
  if (isYamlMap(additional)) node.anyField = crdSchema(additional, depth + 1);
  return node;
}
