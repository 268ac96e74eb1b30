import { isYamlMap, parseApiVersion } from '@kustomate/resource';
import type { ObjectRef, YamlMap } from '@kustomate/resource';

/**
 * The object's `metadata` (an empty map when missing).
 *
 * @example
 * ```ts
 * metadataOf({ metadata: { name: 'a' } }); // { name: 'a' }
 * ```
 */
export function metadataOf(object: YamlMap): YamlMap {
  const m = object['metadata'];
  return isYamlMap(m) ? m : {};
}

/**
 * The object's reference.
 *
 * @example
 * ```ts
 * refOf(configMap); // { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: 'default' }
 * ```
 */
export function refOf(object: YamlMap): ObjectRef {
  const meta = metadataOf(object);
  const ns = meta['namespace'];
  return {
    apiVersion: String(object['apiVersion'] ?? ''),
    kind: String(object['kind'] ?? ''),
    name: String(meta['name'] ?? ''),
    ...(typeof ns === 'string' && ns !== '' ? { namespace: ns } : {}),
  };
}

/**
 * The API server's name for an object in messages: `Deployment.apps "web"`, `Service "web"`.
 *
 * @example
 * ```ts
 * qualifiedName({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }); // 'Deployment.apps "web"'
 * ```
 */
export function qualifiedName(ref: ObjectRef): string {
  const { group } = parseApiVersion(ref.apiVersion);
  return `${ref.kind}${group ? `.${group}` : ''} "${ref.name}"`;
}
