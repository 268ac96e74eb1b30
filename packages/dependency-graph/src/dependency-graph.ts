import { DependencyGraphError } from './errors.js';
import {
  formatUnitRef,
  resolveDependency,
  type DependencyUnit,
  type UnitRef,
} from './dependency-unit.js';

/** The units of a graph indexed by {@link formatUnitRef}, with their edges resolved. */
export interface IndexedGraph<T extends DependencyUnit = DependencyUnit> {
  /** Unit keys, sorted (so nothing depends on input order). */
  keys: string[];
  /** Key → the unit. */
  units: Map<string, T>;
  /** Key → keys of its dependencies that are in the graph, sorted and deduplicated. */
  edges: Map<string, string[]>;
  /** Key → its dependencies that are not in the graph, in `dependsOn` order. */
  missing: Map<string, UnitRef[]>;
}

/** Byte-wise string order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indexes `units`; the same unit given twice is a {@link DependencyGraphError}
 * `DuplicateUnit`. Dependencies on units outside the set are recorded in `missing`.
 */
export function indexGraph<T extends DependencyUnit>(units: readonly T[]): IndexedGraph<T> {
  const byKey = new Map<string, T>();
  for (const unit of units) {
    const key = formatUnitRef(unit);
    if (byKey.has(key)) {
      throw new DependencyGraphError('DuplicateUnit', `'${key}' is listed twice`, {
        location: { object: key },
      });
    }
    byKey.set(key, unit);
  }
  const edges = new Map<string, string[]>();
  const missing = new Map<string, UnitRef[]>();
  for (const [key, unit] of byKey) {
    const targets = new Set<string>();
    const absent: UnitRef[] = [];
    for (const dep of unit.dependsOn ?? []) {
      const ref = resolveDependency(dep, unit);
      const target = formatUnitRef(ref);
      if (byKey.has(target)) targets.add(target);
      else if (!absent.some((a) => formatUnitRef(a) === target)) absent.push(ref);
    }
    edges.set(key, [...targets].sort(compareText));
    if (absent.length > 0) missing.set(key, absent);
  }
  const keys = [...byKey.keys()].sort(compareText);
  return { keys, units: byKey, edges, missing };
}
