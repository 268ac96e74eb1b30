import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import { formatGoResId } from '../filters/go-res-id.js';
import { applyNamespaceFilter, type NamespaceOptions } from '../filters/namespace-filter.js';
import type { ResMap } from '../resource/res-map.js';
import { defaultTransformerConfig } from './transformer-config.js';

export type { NamespaceOptions, RoleBindingSubjectMode } from '../filters/namespace-filter.js';

/**
 * kustomize's NamespaceTransformer (`namespace:`). For every non-empty resource, in order:
 * record its id as a previous id, then set `metadata.namespace` unless the kind is certainly
 * cluster-scoped (every CR counts as namespaced), rename `v1` Namespace objects to
 * `namespace`, set `namespace` on RoleBinding/ClusterRoleBinding subjects named `default`
 * (see {@link NamespaceOptions}), and apply the other field specs (APIService
 * `spec/service/namespace`, CRD conversion webhook service namespace). A resource whose new id
 * equals another current id is a `DuplicateResourceId` error. An empty namespace does nothing.
 *
 * @param fieldSpecs the config's `namespace` list (defaults: kustomize's built-in ones)
 */
export function applyNamespace(
  resmap: ResMap,
  namespace: string,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().namespace,
  options: NamespaceOptions = {},
): void {
  if (namespace === '') return;
  // Current-id multiplicities, kept up to date as ids change (kustomize rescans the list).
  const counts = new Map<string, number>();
  const bump = (key: string, by: number): void => {
    counts.set(key, (counts.get(key) ?? 0) + by);
  };
  for (const r of resmap.resources) bump(resmap.idKey(r.curId()), 1);
  for (const r of resmap.resources) {
    if (Object.keys(r.object).length === 0) continue;
    const before = resmap.idKey(r.curId());
    resmap.storePreviousId(r);
    applyNamespaceFilter(r, namespace, fieldSpecs, resmap.schema, options);
    const id = r.curId();
    const after = resmap.idKey(id);
    bump(before, -1);
    bump(after, 1);
    if (counts.get(after) !== 1) {
      const clashing = resmap.resources.filter((o) => resmap.idKey(o.curId()) === after);
      throw new KustomizeError(
        'DuplicateResourceId',
        `namespace transformation produces ID conflict: [${clashing.map((o) => formatGoResId(o.curId())).join(' ')}]`,
        { location: { object: formatGoResId(id), file: r.origin?.path } },
      );
    }
  }
}
