import type { Gvk } from '@kustomate/resource';
import { KUSTOMIZE_CONSTANTS } from '../data/generated/constants.js';
import type { FieldSpec, NameBackReference } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import { gvkIsSelected } from '../resource/res-id.js';

const TYPE_ORDERS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const first = KUSTOMIZE_CONSTANTS.legacyOrderFirst;
  first.forEach((k, i) => m.set(k, -first.length + i));
  KUSTOMIZE_CONSTANTS.legacyOrderLast.forEach((k, i) => m.set(k, 1 + i));
  return m;
})();

function stableSortString(g: Gvk): string {
  return `${g.group || '~G'}_${g.version || '~V'}_${g.kind || '~K'}`;
}

/** kyaml `Gvk.IsLessThan`: legacy kind rank, then `group_version_kind` bytewise. */
export function gvkIsLessThan(a: Gvk, b: Gvk): boolean {
  const ia = TYPE_ORDERS.get(a.kind) ?? 0;
  const ib = TYPE_ORDERS.get(b.kind) ?? 0;
  if (ia !== ib) return ia < ib;
  return stableSortString(a) < stableSortString(b);
}

function compareGvk(a: Gvk, b: Gvk): number {
  return gvkIsLessThan(a, b) ? -1 : gvkIsLessThan(b, a) ? 1 : 0;
}

/**
 * Sorts field specs (or back-references) by GVK as `TransformerConfig.sortFields` does. Go's
 * `sort.Sort` is not stable; ties (same GVK) keep their order here, which only differs from Go
 * for lists longer than 12 and never changes what a transformer does.
 */
export function sortByGvk<T extends Gvk>(list: readonly T[]): T[] {
  return [...list].sort(compareGvk);
}

/**
 * kustomize `FsSlice.MergeOne`: `spec` is dropped when an existing spec has the same path and
 * a GVK that `spec`'s GVK selects (asymmetric: an incoming `{path: metadata/name}` is dropped
 * when `{kind: Foo, path: metadata/name}` is already there, not the other way round); such a
 * pair with different `create` flags is "conflicting fieldspecs".
 */
export function mergeFieldSpec(list: readonly FieldSpec[], spec: FieldSpec): FieldSpec[] {
  const existing = list.find((x) => x.path === spec.path && gvkIsSelected(x, spec));
  if (existing !== undefined) {
    if (existing.create !== spec.create) {
      throw new KustomizeError('TransformerConfig', 'conflicting fieldspecs');
    }
    return [...list];
  }
  return [...list, { ...spec }];
}

/** kustomize `FsSlice.MergeAll`: {@link mergeFieldSpec} for each incoming spec in order. */
export function mergeFieldSpecs(
  list: readonly FieldSpec[],
  incoming: readonly FieldSpec[],
): FieldSpec[] {
  let out = [...list];
  for (const spec of incoming) out = mergeFieldSpec(out, spec);
  return out;
}

/**
 * kustomize `nbrSlice.mergeAll`: entries with an equal GVK merge their referrers
 * ({@link mergeFieldSpecs}); new GVKs are appended.
 */
export function mergeNameBackReferences(
  list: readonly NameBackReference[],
  incoming: readonly NameBackReference[],
): NameBackReference[] {
  let out = list.map((n) => ({ ...n, referrers: [...n.referrers] }));
  for (const other of incoming) {
    let found = false;
    out = out.map((c) => {
      if (c.group !== other.group || c.version !== other.version || c.kind !== other.kind) return c;
      found = true;
      return { ...c, referrers: mergeFieldSpecs(c.referrers, other.referrers) };
    });
    if (!found) out.push({ ...other, referrers: other.referrers.map((r) => ({ ...r })) });
  }
  return out;
}
