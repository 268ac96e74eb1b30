/**
 * One `dependsOn` entry. Beyond Flux, it may name any kind of object (a HelmRelease, a
 * Kustomization, …); `kind` and `apiVersion` default to the dependent's, `namespace` to the
 * dependent's namespace, as Flux defaults it.
 */
export interface DependencyRef {
  apiVersion?: string;
  kind?: string;
  name: string;
  namespace?: string;
  /** A CEL expression over `self` (the dependent) and `dep` that decides readiness. */
  readyExpr?: string;
}

/**
 * A unit of the dependency graph (a Kustomization, a HelmRelease, any object) and what it
 * depends on. Without a namespace it is cluster-scoped; without a kind it matches
 * dependencies that name no kind.
 */
export interface DependencyUnit {
  apiVersion?: string;
  kind?: string;
  name: string;
  namespace?: string;
  dependsOn?: readonly DependencyRef[];
}

/** A resolved reference to a unit: kind (possibly empty), namespace (possibly empty) and name. */
export interface UnitRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name: string;
}

/**
 * A unit's identity as printed in messages and cycles: `namespace/name`, prefixed with
 * `Kind/` when the unit has a kind; the namespace is left out when empty. The API version is
 * not part of it.
 *
 * @example
 * ```ts
 * formatUnitRef({ namespace: 'flux-system', name: 'infra' }); // 'flux-system/infra'
 * formatUnitRef({ kind: 'HelmRelease', namespace: 'db', name: 'pg' }); // 'HelmRelease/db/pg'
 * formatUnitRef({ name: 'a' }); // 'a'
 * ```
 */
export function formatUnitRef(ref: UnitRef): string {
  return [ref.kind, ref.namespace, ref.name].filter((p) => p !== undefined && p !== '').join('/');
}

/**
 * The full reference of a dependency of `dependent`: its namespace defaults to the
 * dependent's, and its kind (with the API version) to the dependent's.
 *
 * @example
 * ```ts
 * resolveDependency({ name: 'infra' }, { kind: 'Kustomization', namespace: 'apps', name: 'web' });
 * // { kind: 'Kustomization', namespace: 'apps', name: 'infra' }
 * ```
 */
export function resolveDependency(dep: DependencyRef, dependent: UnitRef): UnitRef {
  const sameKind = !dep.kind;
  const apiVersion = sameKind ? dependent.apiVersion : dep.apiVersion;
  const kind = sameKind ? dependent.kind : dep.kind;
  const namespace = dep.namespace || dependent.namespace;
  return {
    ...(apiVersion ? { apiVersion } : {}),
    ...(kind ? { kind } : {}),
    ...(namespace ? { namespace } : {}),
    name: dep.name,
  };
}
