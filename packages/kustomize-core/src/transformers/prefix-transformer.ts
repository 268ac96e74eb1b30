import type { FieldSpec } from '../data/field-spec-types.js';
import type { ResMap } from '../resource/res-map.js';
import { applyNameAffixTransformer } from './name-affix-transformer.js';
import { defaultTransformerConfig } from './transformer-config.js';

/**
 * kustomize's PrefixTransformer (`namePrefix:`). For every resource whose ORIGINAL id is not a
 * CustomResourceDefinition, an `apiregistration.k8s.io` APIService or a Namespace, and for
 * every field spec whose GVK selects that original id: a `metadata/name` spec records the
 * prefix (and, when it is not empty, the previous id); then the field at the path (GVK checked
 * again on the current object) gets the prefix. kustomize skips the transformer altogether for
 * an empty `namePrefix`; called with `''` it still records nothing and rewrites names as is.
 *
 * @param fieldSpecs the config's `namePrefix` list (defaults: `metadata/name`)
 */
export function applyPrefix(
  resmap: ResMap,
  prefix: string,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().namePrefix,
): void {
  applyNameAffixTransformer(resmap, fieldSpecs, prefix, '');
}
