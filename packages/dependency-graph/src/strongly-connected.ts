import type { IndexedGraph } from './dependency-graph.js';

/**
 * Tarjan's strongly connected components of `graph`, visiting nodes and edges in key order. Components come out dependencies first: every component appears
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
 * Loops through a cyclic component that together name every member: starting from its first
 * member in key order not yet named, a simple path back to it (edges followed in key order;
 * a self-dependency only counts in a one-member component): `[[a, b, c, a]]`.
 */
export function cyclePaths(graph: IndexedGraph, component: readonly string[]): string[][] {
  const members = new Set(component);
  const named = new Set<string>();
  const paths: string[][] = [];
  for (const start of graph.keys) {
    if (!members.has(start) || named.has(start)) continue;
    const path = loopFrom(graph, members, start);
    for (const key of path) named.add(key);
    paths.push(path);
  }
  return paths;
}

/** A simple path from `start` back to `start` within `members` (depth-first, key order). */
function loopFrom(graph: IndexedGraph, members: Set<string>, start: string): string[] {
  const selfLoop = members.size === 1;
  const seen = new Set<string>([start]);
  const path: string[] = [];
  const walk = (v: string): boolean => {
    path.push(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (w === start && (v !== start || selfLoop)) return true;
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
