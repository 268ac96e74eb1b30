import { parseApiVersion } from '@kustomate/resource';
import { KUSTOMIZE_CONSTANTS } from '../data/generated/constants.js';
import type { KResource } from '../resource/k-resource.js';

/** Kind orderings for kustomize's legacy sort. */
export interface LegacySortOrder {
  orderFirst: readonly string[];
  orderLast: readonly string[];
}

/** kustomize v5.5's default legacy order (Namespace, ResourceQuota, … first; webhooks last). */
export const DEFAULT_LEGACY_SORT_ORDER: LegacySortOrder = {
  orderFirst: KUSTOMIZE_CONSTANTS.legacyOrderFirst,
  orderLast: KUSTOMIZE_CONSTANTS.legacyOrderLast,
};

function byteCompare(a: string, b: string): number {
  // JS compares UTF-16 code units; equal to Go's byte order except across surrogate
  // ranges, which kinds and names never reach.
  return a < b ? -1 : a > b ? 1 : 0;
}

interface SortKey {
  rank: number;
  gvk: string;
  isNamespace: boolean;
  group: string;
  idKey: string;
}

function sortKey(res: KResource, ranks: Map<string, number>): SortKey {
  const { group, version } = parseApiVersion(res.apiVersion);
  const kind = res.kind;
  const ns = res.namespace;
  const name = res.name;
  return {
    rank: ranks.get(kind) ?? 0,
    gvk: `${group || '~G'}_${version || '~V'}_${kind || '~K'}`,
    isNamespace: kind === 'Namespace',
    group,
    idKey: `${ns || '~X'}|${name || '~N'}`,
  };
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.gvk !== b.gvk) {
    const c = byteCompare(a.gvk, b.gvk);
    if (a.isNamespace && b.isNamespace && (a.group === '' || b.group === '')) return -c;
    return c;
  }
  return byteCompare(a.idKey, b.idKey);
}

/**
 * kustomize's legacy resource order (`SortOrderTransformer`, legacy mode) on current ids:
 * kind rank, then group/version/kind with the core group last, then namespace (unset last)
 * and name.
 */
export function sortLegacy(
  resources: readonly KResource[],
  order = DEFAULT_LEGACY_SORT_ORDER,
): KResource[] {
  const ranks = new Map<string, number>();
  order.orderFirst.forEach((kind, i) => ranks.set(kind, i - order.orderFirst.length));
  order.orderLast.forEach((kind, i) => ranks.set(kind, i + 1));
  const keyed = resources.map((res) => ({ res, key: sortKey(res, ranks) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  return keyed.map((k) => k.res);
}
