import { isYamlMap, parseApiVersion, type ObjectRef, type YamlMap } from '@kustomate/resource';

/**
 * cli-utils' `ObjMetadata`: what an inventory id identifies (no version). An empty namespace
 * means cluster-scoped, an empty group the core API group.
 */
export interface ObjMetadata {
  namespace: string;
  name: string;
  group: string;
  kind: string;
}

/** An object, a reference to one, or its version-less metadata. */
export type ObjectLike = ObjectRef | YamlMap | ObjMetadata;

/**
 * The version-less identity of an object, a reference or an `ObjMetadata`.
 *
 * @example
 * ```ts
 * objMetadataOf({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'a' });
 * // { namespace: 'a', name: 'web', group: 'apps', kind: 'Deployment' }
 * ```
 */
export function objMetadataOf(obj: ObjectLike): ObjMetadata {
  const o = obj as Record<string, unknown>;
  if (typeof o['group'] === 'string' && typeof o['apiVersion'] !== 'string') {
    const m = obj as ObjMetadata;
    return { namespace: m.namespace, name: m.name, group: m.group, kind: m.kind };
  }
  const group = parseApiVersion(typeof o['apiVersion'] === 'string' ? o['apiVersion'] : '').group;
  const kind = typeof o['kind'] === 'string' ? o['kind'] : '';
  const meta = isYamlMap(o['metadata']) ? o['metadata'] : o;
  const name = typeof meta['name'] === 'string' ? meta['name'] : '';
  const namespace = typeof meta['namespace'] === 'string' ? meta['namespace'] : '';
  return { namespace, name, group, kind };
}

/** The API version (without group) of an object or reference, `''` when unknown. */
export function versionOf(obj: ObjectLike): string {
  const apiVersion = (obj as Record<string, unknown>)['apiVersion'];
  return typeof apiVersion === 'string' ? parseApiVersion(apiVersion).version : '';
}

/**
 * Flux's change-set subject: `Kind/namespace/name`, or `Kind/name` when cluster-scoped.
 *
 * @example
 * ```ts
 * formatSubject({ namespace: '', name: 'app', group: '', kind: 'Namespace' }); // 'Namespace/app'
 * ```
 */
export function formatSubject(meta: ObjMetadata): string {
  return meta.namespace
    ? `${meta.kind}/${meta.namespace}/${meta.name}`
    : `${meta.kind}/${meta.name}`;
}
