import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';

/** The Kustomization owning a set of objects. */
export interface PruneOwner {
  name: string;
  namespace: string;
}

/**
 * The owner labels Flux sets on every object it applies.
 *
 * @example
 * ```ts
 * ownerOf(obj)?.name === obj.metadata.labels[OWNER_NAME_LABEL];
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
/**
 * Protects a live object from deletion when `disabled` (value compared case-insensitively).
 *
 * @example
 * ```ts
 * planPrune(input).entries.filter((e) => e.reason === 'PruneDisabled');
 * ```
 */
export const PRUNE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/prune';
/**
 * Turns reconciliation, and so pruning, of a live object off.
 *
 * @example
 * ```ts
 * obj.metadata.annotations[RECONCILE_ANNOTATION] = 'disabled';
 * ```
 */
export const RECONCILE_ANNOTATION = 'kustomize.toolkit.fluxcd.io/reconcile';
/**
 * Flux's apply-mode annotation; `Ignore` also protects an object from pruning.
 *
 * @example
 * ```ts
 * obj.metadata.annotations[SSA_ANNOTATION] = 'Ignore';
 * ```
 */
export const SSA_ANNOTATION = 'kustomize.toolkit.fluxcd.io/ssa';

function stringMap(value: YamlValue | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isYamlMap(value))
    for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Labels and annotations of a live object. */
export function metadataMaps(obj: YamlMap): {
  labels: Record<string, string>;
  annotations: Record<string, string>;
} {
  const meta = isYamlMap(obj['metadata']) ? obj['metadata'] : {};
  return { labels: stringMap(meta['labels']), annotations: stringMap(meta['annotations']) };
}

/**
 * True when a label or annotation `key` equals `value` case-insensitively (Flux's `AnyInMetadata`).
 *
 * @example
 * ```ts
 * hasMetadataValue(obj, PRUNE_ANNOTATION, 'disabled');
 * ```
 */
export function hasMetadataValue(obj: YamlMap, key: string, value: string): boolean {
  const { labels, annotations } = metadataMaps(obj);
  const want = value.toLowerCase();
  return labels[key]?.toLowerCase() === want || annotations[key]?.toLowerCase() === want;
}

/**
 * The owner a live object's labels name, `undefined` when either owner label is missing.
 *
 * @example
 * ```ts
 * ownerOf(liveObject); // { name: 'apps', namespace: 'flux-system' }
 * ```
 */
export function ownerOf(obj: YamlMap): PruneOwner | undefined {
  const { labels } = metadataMaps(obj);
  const name = labels[OWNER_NAME_LABEL];
  const namespace = labels[OWNER_NAMESPACE_LABEL];
  return name === undefined || namespace === undefined ? undefined : { name, namespace };
}
