import type { FieldSpec } from '../data/field-spec-types.js';
import type { KResource } from '../resource/k-resource.js';
import { applyFieldSpec } from './field-spec-walk.js';
import { requireScalar } from './node-kind.js';
import { scalarNodeText, untaggedScalar } from './untagged-scalar.js';

/**
 * kustomize's `prefix` / `suffix` filters on one resource and field spec: the scalar at the
 * path (created when the spec says so) becomes `prefix + value + suffix`, written untagged in
 * the old value's style (`filtersutil.SetScalar`). A map or list there is an error.
 */
export function applyNameAffix(
  res: KResource,
  spec: FieldSpec,
  prefix: string,
  suffix: string,
): void {
  applyFieldSpec(
    res,
    spec,
    (field) => {
      requireScalar(field.value);
      field.set(untaggedScalar(`${prefix}${scalarNodeText(field.value)}${suffix}`, field.value));
    },
    'scalar',
  );
}
