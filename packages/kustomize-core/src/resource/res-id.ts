import type { Gvk } from '@kustomate/resource';

/** kustomize's stand-in namespace for cluster-scoped objects when comparing ids. */
export const NON_NAMESPACEABLE = '_non_namespaceable_';
/** The namespace an object without one lives in. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * A resource id as kustomize's `resid.ResId`: group, version, kind, name and namespace
 * (`''` when unset).
 */
export interface ResId extends Gvk {
  name: string;
  namespace: string;
}

/** Decides whether a kind is cluster-scoped (see `SchemaInfo`). */
export type ClusterScopeOracle = (gvk: Gvk) => boolean;

/** `group/version` or `version` for the core group. */
export function apiVersionOf(gvk: Gvk): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

/** kustomize's effective namespace: `_non_namespaceable_` for cluster-scoped kinds, `default` for none. */
export function effectiveNamespace(id: ResId, isClusterScoped: ClusterScopeOracle): string {
  if (isClusterScoped(id)) return NON_NAMESPACEABLE;
  return id.namespace === '' ? DEFAULT_NAMESPACE : id.namespace;
}

/** Exact GVK equality (group, version and kind). */
export function gvkEquals(a: Gvk, b: Gvk): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}

/** kustomize's `ResId.Equals`: same GVK, same name, same effective namespace. */
export function resIdEquals(a: ResId, b: ResId, isClusterScoped: ClusterScopeOracle): boolean {
  return (
    a.name === b.name &&
    gvkEquals(a, b) &&
    effectiveNamespace(a, isClusterScoped) === effectiveNamespace(b, isClusterScoped)
  );
}

/** A string key equal for ids that {@link resIdEquals} considers equal. */
export function resIdKey(id: ResId, isClusterScoped: ClusterScopeOracle): string {
  return `${id.group}|${id.version}|${id.kind}|${effectiveNamespace(id, isClusterScoped)}|${id.name}`;
}

/**
 * kustomize's `Gvk.IsSelected`: every non-empty field of `selector` must equal the
 * corresponding field of `gvk`.
 */
export function gvkIsSelected(gvk: Gvk, selector: Partial<Gvk> | undefined): boolean {
  if (!selector) return true;
  if (selector.group && selector.group !== gvk.group) return false;
  if (selector.version && selector.version !== gvk.version) return false;
  if (selector.kind && selector.kind !== gvk.kind) return false;
  return true;
}

/** kustomize's `ResId.String()`: `Kind.version.group/name.namespace` with `[noGrp]`-style blanks. */
export function formatResId(id: ResId): string {
  const gvk = `${id.kind || '[noKind]'}.${id.version || '[noVer]'}.${id.group || '[noGrp]'}`;
  return `${gvk}/${id.name || '[noName]'}.${id.namespace || '[noNs]'}`;
}
