import type { Gvk } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { applyNameAffix } from '../filters/name-affix-filter.js';
import { gvkIsSelected } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';

/** Kinds prefix/suffix never rename, judged on the original id (`prefixFieldSpecsToSkip`). */
const SKIP: ReadonlyArray<Partial<Gvk>> = [
  { kind: 'CustomResourceDefinition' },
  { group: 'apiregistration.k8s.io', kind: 'APIService' },
  { kind: 'Namespace' },
];

/** The common body of the Prefix and Suffix transformers (exactly one of the affixes is set). */
export function applyNameAffixTransformer(
  resmap: ResMap,
  fieldSpecs: readonly FieldSpec[],
  prefix: string,
  suffix: string,
): void {
  for (const r of resmap.resources) {
    const orgId = r.orgId();
    if (SKIP.some((s) => gvkIsSelected(orgId, s))) continue;
    for (const fs of fieldSpecs) {
      if (!gvkIsSelected(orgId, fs)) continue;
      if (fs.path === 'metadata/name') {
        if (suffix === '') r.addNamePrefix(prefix);
        else r.addNameSuffix(suffix);
        if (prefix !== '' || suffix !== '') resmap.storePreviousId(r);
      }
      applyNameAffix(r, fs, prefix, suffix);
    }
  }
}
