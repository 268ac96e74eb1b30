import {
  isYamlMap,
  parseApiVersion,
  type ObjectRef,
  type YamlMap,
  type YamlValue,
} from '@kustomate/resource';

/**
 * Flux's per-object annotation that changes how an object is applied.
 *
 * @example
 * ```ts
 * hasMetadataValue(obj, SSA_ANNOTATION, 'Ignore');
 * ```
 */
export const SSA_ANNOTATION = 'kustomize.toolkit.fluxcd.io/ssa';
/**
 * Flux's per-object annotation that turns reconciliation of an object off.
 *
 * @example
 * ```ts
 * hasMetadataValue(obj, RECONCILE_ANNOTATION, 'disabled');
 * ```
 */
export const RECONCILE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/reconcile';
/**
 * Flux's per-object annotation that protects an object from garbage collection.
 *
 * @example
 * ```ts
 * hasMetadataValue(obj, PRUNE_ANNOTATION, 'disabled');
 * ```
 */
export const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';
/**
 * The owner labels Flux sets on every object it applies.
 *
 * @example
 * ```ts
 * obj.metadata.labels[OWNER_NAME_LABEL]; // 'apps'
 * ```
 */
export const OWNER_NAME_LABEL = 'kustomize.toolkit.fluxcd.io/name';
/**
 * The owner label naming the owning Kustomization's namespace.
 *
 * @example
 * ```ts
 * obj.metadata.labels[OWNER_NAMESPACE_LABEL]; // 'flux-system'
 * ```
 */
export const OWNER_NAMESPACE_LABEL = 'kustomize.toolkit.fluxcd.io/namespace';

function stringMap(value: YamlValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isYamlMap(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The `metadata` map of an object (an empty map when absent). */
export function metadataOf(obj: YamlMap): YamlMap {
  const meta = obj['metadata'];
  return isYamlMap(meta) ? meta : {};
}

/** The string labels of an object. */
export function labelsOf(obj: YamlMap): Record<string, string> {
  return stringMap(metadataOf(obj)['labels']);
}

/** The string annotations of an object. */
export function annotationsOf(obj: YamlMap): Record<string, string> {
  return stringMap(metadataOf(obj)['annotations']);
}

/**
 * True when a label or an annotation `key` has `value`, compared case-insensitively, as
 * Flux's `AnyInMetadata` does.
 *
 * @example
 * ```ts
 * hasMetadataValue(obj, SSA_ANNOTATION, 'Ignore');
 * ```
 */
export function hasMetadataValue(obj: YamlMap, key: string, value: string): boolean {
  const want = value.toLowerCase();
  const l = labelsOf(obj)[key];
  const a = annotationsOf(obj)[key];
  return l?.toLowerCase() === want || a?.toLowerCase() === want;
}

/** Identity of an object: group, version, kind, namespace and name. */
export interface ObjectIdentity {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
}

/** The identity fields of an object; missing ones are empty strings. */
export function identityOf(obj: YamlMap): ObjectIdentity {
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
  const { group, version } = parseApiVersion(apiVersion);
  const meta = metadataOf(obj);
  return {
    group,
    version,
    kind: typeof obj['kind'] === 'string' ? obj['kind'] : '',
    namespace: typeof meta['namespace'] === 'string' ? meta['namespace'] : '',
    name: typeof meta['name'] === 'string' ? meta['name'] : '',
  };
}

/**
 * A version-independent key for matching desired and live objects:
 * `group/kind/namespace/name`.
 *
 * @example
 * ```ts
 * identityKey({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'a' } });
 * // 'apps/Deployment/a/web'
 * ```
 */
export function identityKey(obj: YamlMap): string {
  const id = identityOf(obj);
  return `${id.group}/${id.kind}/${id.namespace}/${id.name}`;
}

/**
 * Flux's change-set subject: `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects.
 *
 * @example
 * ```ts
 * subjectOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } }); // 'Namespace/app'
 * ```
 */
export function subjectOf(obj: YamlMap): string {
  const id = identityOf(obj);
  return id.namespace ? `${id.kind}/${id.namespace}/${id.name}` : `${id.kind}/${id.name}`;
}

/**
 * The `ObjectRef` of an object (namespace omitted when empty).
 *
 * @example
 * ```ts
 * refOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } });
 * // { apiVersion: 'v1', kind: 'Namespace', name: 'app' }
 * ```
 */
export function refOf(obj: YamlMap): ObjectRef {
  const id = identityOf(obj);
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
  return {
    apiVersion,
    kind: id.kind,
    name: id.name,
    ...(id.namespace ? { namespace: id.namespace } : {}),
  };
}
