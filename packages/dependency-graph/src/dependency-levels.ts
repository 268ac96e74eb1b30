import { indexGraph } from './dependency-graph.js';
import type { DependentNode } from './dependent-node.js';
import { formatNamespacedRef, type NamespacedRef } from './namespaced-ref.js';
import { sortByDependencies } from './sort-by-dependencies.js';

/**
 * Groups Kustomizations into waves that can reconcile in parallel: wave 0 depends on
 * nothing in the set, and each later wave only on earlier ones (a Kustomization's wave is
 * one more than its deepest dependency's). Within a wave the order of
 * {@link sortByDependencies} is kept. Cycles throw as in {@link sortByDependencies}.
 *
 * @example
 * ```ts
 * dependencyLevels([
 *   { namespace: 'ns', name: 'apps', dependsOn: [{ name: 'infra' }] },
 *   { namespace: 'ns', name: 'infra', dependsOn: [] },
 *   { namespace: 'ns', name: 'monitoring', dependsOn: [] },
 * ]); // [[infra, monitoring], [apps]] as { namespace, name } refs
 * ```
 */
export function dependencyLevels(nodes: readonly DependentNode[]): NamespacedRef[][] {
  const order = sortByDependencies(nodes);
  const { edges } = indexGraph(nodes);
  const level = new Map<string, number>();
  const levels: NamespacedRef[][] = [];
  for (const ref of order) {
    const key = formatNamespacedRef(ref);
    const deps = edges.get(key) ?? [];
    const mine = deps.reduce((max, dep) => Math.max(max, (level.get(dep) ?? 0) + 1), 0);
    level.set(key, mine);
    (levels[mine] ??= []).push(ref);
  }
  return levels;
}
