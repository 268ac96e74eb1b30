import type { NameBackReference } from '../data/field-spec-types.js';
import { NameReferenceFilter } from '../filters/name-reference-filter.js';
import { ReferralIndex } from '../filters/referral-index.js';
import { gvkIsSelected } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';
import { defaultTransformerConfig } from './transformer-config.js';

/**
 * kustomize's name-reference fixing (`nameReferenceTransformer`, `api/filters/nameref`), run
 * once over the final resources. For every back-reference (referral GVK → referrer field
 * specs) and every resource whose ORIGINAL id a referrer spec selects, each name found at the
 * path (a scalar, a list of names/maps, or a `{name, namespace}` map) is replaced by the
 * current name of the unique resource that:
 * - the referrer could reference (same namespace, cluster-scoped on either side, or a
 *   namespace of a RoleBinding's ServiceAccount subject; a map's `namespace` pre-selects);
 * - had that name as a PREVIOUS name (never-renamed resources are never candidates);
 * - has a previous id selected by the referral GVK (and by `roleRef` kind/apiGroup for
 *   `roleRef/name`), in the referrer's namespace unless a ServiceAccount or cluster-scoped;
 * - if several: those whose recorded prefixes/suffixes end like the referrer's (first letting
 *   an empty list match anything, then exactly); identical names → the first; else a
 *   `NameReference` error "found multiple possible referrals".
 * Maps also get the referral's namespace when it has one. Referrers are processed in map order
 * (kustomize: Go map order), filters in back-reference then referrer order.
 *
 * @param nameReference the config's `nameReference` list (defaults: kustomize's built-in list)
 */
export function fixNameReferences(
  resmap: ResMap,
  nameReference: readonly NameBackReference[] = defaultTransformerConfig().nameReference,
): void {
  const index = new ReferralIndex(resmap);
  const entries = nameReference.flatMap((br) =>
    br.referrers.map((spec) => ({
      spec,
      target: { group: br.group, version: br.version, kind: br.kind },
    })),
  );
  for (const referrer of resmap.resources) {
    const orgId = referrer.orgId();
    const mine = entries.filter(({ spec }) => gvkIsSelected(orgId, spec));
    if (mine.length === 0) continue;
    index.referrerContext(referrer); // kustomize computes the candidate subset (and its errors) first
    for (const { spec, target } of mine)
      new NameReferenceFilter(index, referrer, spec, target).run();
  }
}
