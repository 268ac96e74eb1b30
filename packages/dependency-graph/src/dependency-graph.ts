import type { DependentNode } from './dependent-node.js';
import { DependencyGraphError } from './errors.js';
import { formatNamespacedRef, resolveDependencyRef, type NamespacedRef } from './namespaced-ref.js';

/** The nodes of a graph indexed by `namespace/name`, with their edges resolved. */
export interface IndexedGraph {
  /** Node keys in input order. */
  keys: string[];
  /** Key → the node's reference. */
  refs: Map<string, NamespacedRef>;
  /** Key → keys of the dependencies that are in the graph, in `dependsOn` order, deduplicated. */
  edges: Map<string, string[]>;
}

/**
 * Indexes `nodes`; a namespace/name given twice is a {@link DependencyGraphError}
 * `DuplicateKustomization`. Dependencies on Kustomizations outside the set are dropped
 * (Flux's sort ignores them too; its readiness check reports them as not found).
 */
export function indexGraph(nodes: readonly DependentNode[]): IndexedGraph {
  const refs = new Map<string, NamespacedRef>();
  for (const node of nodes) {
    const ref = { namespace: node.namespace, name: node.name };
    const key = formatNamespacedRef(ref);
    if (refs.has(key)) {
      throw new DependencyGraphError('DuplicateKustomization', `Kustomization '${key}' is listed twice`, {
        location: { object: key },
      });
    }
    refs.set(key, ref);
  }
  const edges = new Map<string, string[]>();
  for (const node of nodes) {
    const targets = new Set<string>();
    for (const dep of node.dependsOn) {
      const target = formatNamespacedRef(resolveDependencyRef(dep, node.namespace));
      if (refs.has(target)) targets.add(target);
    }
    edges.set(formatNamespacedRef(node), [...targets]);
  }
  return { keys: [...refs.keys()], refs, edges };
}
