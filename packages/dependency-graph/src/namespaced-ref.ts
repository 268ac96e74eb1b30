/** A Kustomization's identity within a cluster: namespace and name. */
export interface NamespacedRef {
  namespace: string;
  name: string;
}

/** One `spec.dependsOn` entry; an empty namespace means the dependent's own. */
export interface DependencyRef {
  name: string;
  namespace?: string;
  /** A CEL expression over `self` and `dep` that replaces the built-in readiness check. */
  readyExpr?: string;
}

/**
 * `namespace/name`, the form Flux prints in dependency messages.
 *
 * @example
 * ```ts
 * formatNamespacedRef({ namespace: 'flux-system', name: 'infra' }); // 'flux-system/infra'
 * ```
 */
export function formatNamespacedRef(ref: NamespacedRef): string {
  return `${ref.namespace}/${ref.name}`;
}

/**
 * The dependency's full reference, its namespace defaulting to the dependent's.
 *
 * @example
 * ```ts
 * resolveDependencyRef({ name: 'infra' }, 'apps'); // { namespace: 'apps', name: 'infra' }
 * ```
 */
export function resolveDependencyRef(dep: DependencyRef, defaultNamespace: string): NamespacedRef {
  return { namespace: dep.namespace || defaultNamespace, name: dep.name };
}
