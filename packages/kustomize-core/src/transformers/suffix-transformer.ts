import type { FieldSpec } from '../data/field-spec-types.js';
import type { ResMap } from '../resource/res-map.js';
import { applyNameAffixTransformer } from './name-affix-transformer.js';
import { defaultTransformerConfig } from './transformer-config.js';

/**
 * kustomize's SuffixTransformer (`nameSuffix:`): as {@link applyPrefix} (same skip rules on
 * the original id, suffix recorded, previous id stored when the suffix is not empty), appending.
 *
 * @param fieldSpecs the config's `nameSuffix` list (defaults: `metadata/name`)
 */
export function applySuffix(
  resmap: ResMap,
  suffix: string,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().nameSuffix,
): void {
  applyNameAffixTransformer(resmap, fieldSpecs, '', suffix);
}
