import { compareText, indexGraph } from './dependency-graph.js';
import { formatUnitRef, type DependencyUnit, type UnitRef } from './dependency-unit.js';
import { cyclePaths, stronglyConnected } from './strongly-connected.js';

/** A unit with dependencies that are not among the units, and Flux's message for it. */
export interface MissingDependencies<T extends DependencyUnit = DependencyUnit> {
  unit: T;
  /** The absent dependencies, resolved (namespace and kind defaulted), in `dependsOn` order. */
  missing: UnitRef[];
  /** `dependency 'ns/name' not found`, one clause per absent dependency. */
  message: string;
}

/** Everything known about a set of units' dependencies (see {@link analyzeDependencies}). */
export interface DependencyAnalysis<T extends DependencyUnit = DependencyUnit> {
  /** Stages of units that can run in parallel; cyclic units and their dependents are left out. */
  stages: T[][];
  /** Units with absent dependencies, in key order. */
  missing: MissingDependencies<T>[];
  /** Loops (`[a, b, a]`) that together name every unit on a cycle, in key order. */
  cycles: string[][];
  /** Units left out of `stages` because they are in, or depend on, a cycle, in key order. */
  blocked: T[];
  /** Edges within the units as `[dependency, dependent]` keys, in key order. */
  edges: [string, string][];
}

/**
 * The stages, absent dependencies and cycles of `units` without throwing (for rendering and
 * diagnosis; {@link sortByDependencies} throws on a cycle). A unit's stage is one more than
 * the latest stage of its dependencies; units in a stage are sorted by key.
 *
 * @example
 * ```ts
 * analyzeDependencies([{ name: 'a', dependsOn: [{ name: 'b' }] }, { name: 'b', dependsOn: [{ name: 'a' }] }]).cycles;
 * // [['a', 'b', 'a']]
 * ```
 */
export function analyzeDependencies<T extends DependencyUnit>(
  units: readonly T[],
): DependencyAnalysis<T> {
  const graph = indexGraph(units);
  const cycles: string[][] = [];
  const stageOf = new Map<string, number>();
  const blocked = new Set<string>();
  for (const component of stronglyConnected(graph)) {
    const [only] = component;
    const cyclic =
      component.length > 1 || (only !== undefined && graph.edges.get(only)?.includes(only));
    if (cyclic) {
      cycles.push(...cyclePaths(graph, component));
      for (const key of component) blocked.add(key);
      continue;
    }
    if (only === undefined) continue;
    const deps = graph.edges.get(only) ?? [];
    if (deps.some((d) => blocked.has(d))) {
      blocked.add(only);
      continue;
    }
    stageOf.set(
      only,
      deps.reduce((max, d) => Math.max(max, (stageOf.get(d) ?? 0) + 1), 0),
    );
  }
  const stages: T[][] = [];
  for (const key of graph.keys) {
    const stage = stageOf.get(key);
    const unit = graph.units.get(key);
    if (stage !== undefined && unit) (stages[stage] ??= []).push(unit);
  }
  const pick = (key: string): T[] => {
    const unit = graph.units.get(key);
    return unit ? [unit] : [];
  };
  return {
    stages,
    missing: graph.keys.flatMap((key) => {
      const missing = graph.missing.get(key);
      return missing ? pick(key).map((unit) => missingOf(unit, missing)) : [];
    }),
    cycles: cycles.sort((a, b) => compareText(a[0] ?? '', b[0] ?? '')),
    blocked: graph.keys.filter((k) => blocked.has(k)).flatMap(pick),
    edges: graph.keys.flatMap((key) =>
      (graph.edges.get(key) ?? []).map((dep): [string, string] => [dep, key]),
    ),
  };
}

function missingOf<T extends DependencyUnit>(unit: T, missing: UnitRef[]): MissingDependencies<T> {
  const message = missing.map((ref) => `dependency '${formatUnitRef(ref)}' not found`).join(', ');
  return { unit, missing, message };
}
