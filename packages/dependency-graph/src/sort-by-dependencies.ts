import { analyzeDependencies, type MissingDependencies } from './analyze-dependencies.js';
import type { DependencyUnit } from './dependency-unit.js';
import { DependencyCycleError } from './errors.js';

/** The outcome of {@link sortByDependencies}. */
export interface DependencyStages<T extends DependencyUnit = DependencyUnit> {
  /**
   * Stages in order: every unit's dependencies are all in earlier stages, so the units of one
   * stage can run in parallel once the stages before it are done. Units in a stage are in key
   * order (`[Kind/]namespace/name`), so the result does not depend on input order.
   */
  stages: T[][];
  /**
   * Units whose `dependsOn` names a unit that is not in the set, one entry per unit. Such a
   * dependency puts no constraint on the order (as Flux's sort ignores it); Flux's readiness
   * gate will hold the unit back with `dependency '…' not found`.
   */
  missing: MissingDependencies<T>[];
}

/**
 * Groups units into stages by their `dependsOn` (Flux's `dependency.Sort`, made parallel and
 * deterministic): stage 0 depends on nothing in the set, and each unit sits one stage after
 * its latest dependency. A dependency's namespace defaults to the dependent's, its kind to the
 * dependent's. Units that depend on each other in a loop (a unit depending on itself too)
 * throw a {@link DependencyCycleError} whose `cycle` is the path, e.g. `a -> b -> c -> a`, and
 * whose `cycles` name every unit on a cycle; a unit listed twice is a {@link DependencyGraphError}
 * `DuplicateUnit`. A dependency on an absent unit is reported in `missing`, not thrown.
 *
 * @example
 * ```ts
 * const { stages, missing } = sortByDependencies([
 *   { namespace: 'flux-system', name: 'apps', dependsOn: [{ name: 'infra' }, { name: 'ghost' }] },
 *   { namespace: 'flux-system', name: 'monitoring' },
 *   { namespace: 'flux-system', name: 'infra' },
 * ]);
 * stages.map((s) => s.map((u) => u.name)); // [['infra', 'monitoring'], ['apps']]
 * missing[0]?.message; // "dependency 'flux-system/ghost' not found"
 * ```
 */
export function sortByDependencies<T extends DependencyUnit>(
  units: readonly T[],
): DependencyStages<T> {
  const { stages, missing, cycles } = analyzeDependencies(units);
  if (cycles.length > 0) throw new DependencyCycleError(cycles);
  return { stages, missing };
}
