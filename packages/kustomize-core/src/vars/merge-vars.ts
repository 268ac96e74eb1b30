import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import { gvkEquals, type ResId } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';
import { formatVar, formatVarList, withVarGvk, type Var } from './types.js';
import type { VarSet } from './var-set.js';

const plainEffectiveNs = (ns: string): string => (ns === '' || ns === 'default' ? 'default' : ns);

/** Whether any id of `res` is the var's objref (`GvknEquals`, or `Equals` when a namespace is given). */
function refersTo(resmap: ResMap, res: KResource, v: Var): boolean {
  const ref = v.objref;
  const name = ref.name ?? '';
  const ns = ref.namespace ?? '';
  const target = { group: ref.group ?? '', version: ref.version ?? '', kind: ref.kind ?? '' };
  const matches = (id: ResId, effNs: () => string): boolean =>
    id.name === name && gvkEquals(id, target) && (ns === '' || effNs() === plainEffectiveNs(ns));
  const cur = res.curId();
  if (matches(cur, () => resmap.effectiveNamespace(cur))) return true;
  // Previous ids carry their namespace in effective form already.
  return res.prevIds().some((id) => matches(id, () => plainEffectiveNs(id.namespace)));
}

/**
 * kustomize `ResAccumulator.MergeVars`, run at the end of each kustomization with its own
 * `vars`: each var's objref is looked up among `resmap`'s resources by any id (current or
 * previous) with exact GVK and name, plus the namespace when given; the one match records the
 * var name (`refVarNames`), more than one is an error
 * (`found 2 resId matches for var {…} (unable to disambiguate)`), none is left for
 * {@link resolveVars} to report. Then the vars join `varSet` (duplicate names are errors).
 * Errors carry kustomize's prefix `merging vars [{…} {…}]: `.
 */
export function mergeVars(resmap: ResMap, varSet: VarSet, incoming: readonly Var[]): void {
  try {
    mergeEach(resmap, varSet, incoming);
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    throw new KustomizeError(e.code, `merging vars ${formatVarList(incoming)}: ${e.message}`, {
      location: e.location,
      cause: e,
      data: e.data,
    });
  }
}

/** Resources by every name they have had, so each var only looks at its candidates. */
function indexByName(resmap: ResMap): Map<string, KResource[]> {
  const index = new Map<string, KResource[]>();
  for (const res of resmap.resources) {
    const names = new Set([res.name, ...res.previousNames.map((p) => p.name)]);
    for (const name of names) {
      const list = index.get(name);
      if (list) list.push(res);
      else index.set(name, [res]);
    }
  }
  return index;
}

function mergeEach(resmap: ResMap, varSet: VarSet, incoming: readonly Var[]): void {
  const index = incoming.length > 0 ? indexByName(resmap) : new Map<string, KResource[]>();
  for (const raw of incoming) {
    const v = withVarGvk(raw);
    const candidates = index.get(v.objref.name ?? '') ?? [];
    const matched = candidates.filter((res) => refersTo(resmap, res, v));
    if (matched.length > 1) {
      throw new KustomizeError(
        'Var',
        `found ${matched.length} resId matches for var ${formatVar(v)} (unable to disambiguate)`,
        { location: { field: 'vars' }, data: { name: v.name } },
      );
    }
    matched[0]?.refVarNames.push(v.name);
  }
  varSet.mergeSlice(incoming);
}
