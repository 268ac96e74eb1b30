import { indexGraph } from './dependency-graph.js';
import type { DependentNode } from './dependent-node.js';
import { DependencyGraphError } from './errors.js';
import type { NamespacedRef } from './namespaced-ref.js';
import { cyclePath, stronglyConnected } from './strongly-connected.js';

/**
 * Orders Kustomizations so that each comes after everything it depends on, as Flux's
 * `dependency.Sort` does (Tarjan's algorithm), but deterministically: independent
 * Kustomizations keep their input order as far as the edges allow. A dependency's namespace
 * defaults to the dependent's; dependencies outside `nodes` are ignored. Kustomizations that
 * depend on each other in a loop (including one that depends on itself) are a
 * {@link DependencyGraphError} `DependencyCycle` whose message and `data.cycles` name every
 * loop, e.g. `circular dependencies: [default/a -> default/b -> default/a]`.
 *
 * @example
 * ```ts
 * sortByDependencies([
 *   { namespace: 'default', name: 'apps', dependsOn: [{ name: 'infra' }] },
 *   { namespace: 'default', name: 'infra', dependsOn: [] },
 * ]); // [{ namespace: 'default', name: 'infra' }, { namespace: 'default', name: 'apps' }]
 * ```
 */
export function sortByDependencies(nodes: readonly DependentNode[]): NamespacedRef[] {
  const graph = indexGraph(nodes);
  const cycles: string[][] = [];
  const sorted: NamespacedRef[] = [];
  for (const component of stronglyConnected(graph)) {
    const [only] = component;
    if (component.length === 1 && only !== undefined && !graph.edges.get(only)?.includes(only)) {
      const ref = graph.refs.get(only);
      if (ref) sorted.push(ref);
    } else {
      cycles.push(cyclePath(graph, component));
    }
  }
  if (cycles.length > 0) {
    const text = cycles.map((c) => c.join(' -> ')).join(', ');
    throw new DependencyGraphError('DependencyCycle', `circular dependencies: [${text}]`, {
      location: { object: cycles[0]?.[0] ?? '', field: 'spec.dependsOn' },
      data: { cycles },
    });
  }
  return sorted;
}
