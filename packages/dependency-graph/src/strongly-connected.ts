import type { IndexedGraph } from './dependency-graph.js';

/**
 * Tarjan's strongly connected components of `graph`, visiting nodes in input order and edges
 * in `dependsOn` order. Components come out dependencies first: every component appears
 * after each component it has an edge to.
 */
export function stronglyConnected(graph: IndexedGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;

  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    out.push(component.reverse());
  };

  for (const key of graph.keys) if (!index.has(key)) visit(key);
  return out;
}

/**
 * One closed walk through a cyclic component, starting and ending at its first member in
 * input order: `[a, b, c, a]`.
 */
export function cyclePath(graph: IndexedGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = graph.keys.find((k) => members.has(k)) ?? component[0] ?? '';
  const seen = new Set<string>();
  const path: string[] = [];
  const walk = (v: string): boolean => {
    path.push(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (w === start) return true;
      if (members.has(w) && !seen.has(w)) {
        seen.add(w);
        if (walk(w)) return true;
      }
    }
    path.pop();
    return false;
  };
  walk(start);
  return [...path, start];
}
