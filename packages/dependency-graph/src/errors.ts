import { KustomateError } from '@kustomate/resource';

/**
 * Codes of {@link DependencyGraphError}:
 * - `DependencyCycle`: units depend on each other in a loop (thrown as {@link DependencyCycleError});
 * - `DuplicateUnit`: the same unit (kind, namespace, name) appears twice in one graph;
 * - `InvalidDependsOn`: an object's `metadata` or `spec.dependsOn` has the wrong shape;
 * - `ReadyExprUnsupported`: a dependency has a `readyExpr` but no evaluator was supplied.
 */
export type DependencyGraphErrorCode =
  'DependencyCycle' | 'DuplicateUnit' | 'InvalidDependsOn' | 'ReadyExprUnsupported';

/**
 * An error from dependency ordering or checking; `location.object` names the unit
 * (`[Kind/]namespace/name`) and `location.field` the field at fault.
 *
 * @example
 * ```ts
 * try { dependencyUnitOf(object); }
 * catch (e) { if (e instanceof DependencyGraphError && e.code === 'InvalidDependsOn') console.log(e.location); }
 * ```
 */
export class DependencyGraphError extends KustomateError<DependencyGraphErrorCode> {}

/**
 * Units that depend on each other in a loop. `cycle` is the first loop as a path that ends
 * where it starts (`['a', 'b', 'c', 'a']`, printed `a -> b -> c -> a`); `cycles` lists loops
 * that together name every unit caught in a cycle, and `data` holds `{ cycles }`.
 *
 * @example
 * ```ts
 * try { sortByDependencies(units); }
 * catch (e) { if (e instanceof DependencyCycleError) console.log(e.cycle.join(' -> ')); }
 * ```
 */
export class DependencyCycleError extends DependencyGraphError {
  /** The first cycle, first unit repeated at the end. */
  readonly cycle: readonly string[];
  /** Loops that together name every unit on a cycle, sorted by their first unit. */
  readonly cycles: readonly (readonly string[])[];

  constructor(cycles: readonly (readonly string[])[]) {
    const text = cycles.map((c) => c.join(' -> ')).join(', ');
    const first = cycles[0] ?? [];
    super('DependencyCycle', `circular dependencies: [${text}]`, {
      location: { object: first[0] ?? '', field: 'dependsOn' },
      data: { cycles },
    });
    this.cycle = first;
    this.cycles = cycles;
  }
}
