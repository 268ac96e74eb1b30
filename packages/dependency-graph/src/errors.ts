import { KustomateError } from '@kustomate/resource';

/**
 * Codes of {@link DependencyGraphError}:
 * - `DependencyCycle`: Kustomizations depend on each other in a loop (`data.cycles` lists them);
 * - `DuplicateKustomization`: the same namespace/name appears twice in one graph;
 * - `InvalidDependsOn`: a Kustomization's `metadata` or `spec.dependsOn` has the wrong shape;
 * - `ReadyExprUnsupported`: a dependency has a `readyExpr` but no evaluator was supplied.
 */
export type DependencyGraphErrorCode =
  | 'DependencyCycle'
  | 'DuplicateKustomization'
  | 'InvalidDependsOn'
  | 'ReadyExprUnsupported';

/**
 * An error from dependency ordering or checking; `location.object` names the Kustomization
 * (`namespace/name`) and `location.field` the field at fault.
 *
 * @example
 * ```ts
 * try { sortByDependencies(nodes); }
 * catch (e) { if (e instanceof DependencyGraphError && e.code === 'DependencyCycle') console.log(e.data); }
 * ```
 */
export class DependencyGraphError extends KustomateError<DependencyGraphErrorCode> {}
