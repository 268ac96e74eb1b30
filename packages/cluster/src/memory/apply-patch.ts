import { cloneYaml, isYamlMap, yamlEqual } from '@kustomate/resource';
import type { ObjectRef, YamlMap, YamlValue } from '@kustomate/resource';
import fastJsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import * as jsonMergePatch from 'json-merge-patch';
import type { PatchType } from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';
import { fieldNode } from '../schema/type-schema.js';
import type { SchemaNode } from '../schema/type-schema.js';

/**
 * Applies a patch of the given type to an object: `merge` (RFC 7386), `json` (RFC 6902) or
 * `strategic` (Kubernetes strategic merge patch: lists with a merge key merge by it, `$patch`
 * directives, `null` deletes). Throws `Invalid` on a malformed patch.
 *
 * @example
 * ```ts
 * applyPatch({ spec: { replicas: 1 } }, { spec: { replicas: 3 } }, 'merge', {}, ref);
 * ```
 */
export function applyPatch(
  object: YamlMap,
  patch: unknown,
  type: PatchType,
  schema: SchemaNode,
  ref: ObjectRef,
): YamlMap {
  try {
    let out: unknown;
    if (type === 'json') {
      if (!Array.isArray(patch)) throw new Error('a JSON patch must be a list of operations');
      out = fastJsonPatch.applyPatch(
        cloneYaml(object),
        patch as Operation[],
        true,
        false,
      ).newDocument;
    } else if (!isYamlMap(patch)) {
      throw new Error('a merge patch must be a map');
    } else if (type === 'merge') {
      out = jsonMergePatch.apply(cloneYaml(object), patch);
    } else {
      out = strategicMerge(object, patch as YamlMap, schema);
    }
    if (!isYamlMap(out)) throw new Error('the patch did not produce an object');
    return out;
  } catch (e) {
    if (e instanceof ClusterError) throw e;
    throw new ClusterError(
      'Invalid',
      `the ${type} patch cannot be applied: ${(e as Error).message}`,
      {
        ref,
        cause: e,
      },
    );
  }
}

function strategicMerge(target: YamlMap, patch: YamlMap, node: SchemaNode | undefined): YamlMap {
  if (patch['$patch'] === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return cloneYaml(rest);
  }
  const out: YamlMap = cloneYaml(target);
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/')) continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const list = out[field];
      if (Array.isArray(list) && Array.isArray(value))
        out[field] = list.filter((v) => !value.some((d) => yamlEqual(d, v)));
      continue;
    }
    if (value === null) {
      delete out[key];
      continue;
    }
    const child = fieldNode(node, key);
    const current = out[key];
    if (isYamlMap(value) && value['$patch'] === 'delete') delete out[key];
    else if (isYamlMap(value) && isYamlMap(current))
      out[key] = strategicMerge(current, value, child);
    else if (Array.isArray(value) && Array.isArray(current))
      out[key] = mergeList(current, value, child);
    else out[key] = stripDirectives(value);
  }
  return out;
}

function stripDirectives(value: YamlValue): YamlValue {
  if (Array.isArray(value))
    return value.filter((v) => !(isYamlMap(v) && v['$patch'])).map(stripDirectives);
  if (!isYamlMap(value)) return value;
  const out: YamlMap = {};
  for (const [k, v] of Object.entries(value)) if (!k.startsWith('$')) out[k] = stripDirectives(v);
  return out;
}

function mergeList(
  current: YamlValue[],
  patch: YamlValue[],
  node: SchemaNode | undefined,
): YamlValue[] {
  const list = node?.list;
  if (patch.some((p) => isYamlMap(p) && p['$patch'] === 'replace'))
    return stripDirectives(
      patch.filter((p) => !(isYamlMap(p) && p['$patch'] === 'replace')),
    ) as YamlValue[];
  if (list?.type === 'set') {
    const out = [...current];
    for (const v of patch) if (!out.some((c) => yamlEqual(c, v))) out.push(cloneYaml(v));
    return out;
  }
  const key = list?.type === 'map' ? list.keys?.[0] : undefined;
  if (key === undefined) return stripDirectives(patch) as YamlValue[];
  const out = current.map((v) => cloneYaml(v));
  for (const item of patch) {
    if (!isYamlMap(item)) continue;
    const index = out.findIndex((c) => isYamlMap(c) && yamlEqual(c[key], item[key]));
    if (item['$patch'] === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = strategicMerge(out[index] as YamlMap, item, node?.item);
    else out.push(stripDirectives(item));
  }
  return out;
}
