import { isYamlMap, yamlEqual } from '@kustomate/resource';
import type { ObjectRef, YamlMap, YamlValue } from '@kustomate/resource';
import { ClusterError } from '../cluster-error.js';
import { canonicalJson } from '../fieldpath/path-element.js';
import { qualifiedName } from './describe-object.js';

/**
 * Fields that may not change after creation: `group/Kind` → dotted paths.
 *
 * @example
 * ```ts
 * IMMUTABLE_FIELDS['batch/Job']; // ['spec.selector', 'spec.template']
 * ```
 */
export const IMMUTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'apps/Deployment': ['spec.selector'],
  'apps/StatefulSet': ['spec.selector'],
  'apps/DaemonSet': ['spec.selector'],
  'apps/ReplicaSet': ['spec.selector'],
  'batch/Job': ['spec.selector', 'spec.template'],
  '/Service': ['spec.clusterIP'],
  'rbac.authorization.k8s.io/RoleBinding': ['roleRef'],
  'rbac.authorization.k8s.io/ClusterRoleBinding': ['roleRef'],
  'storage.k8s.io/StorageClass': [
    'provisioner',
    'parameters',
    'reclaimPolicy',
    'volumeBindingMode',
  ],
};

function at(object: YamlMap, path: string): YamlValue | undefined {
  let v: YamlValue | undefined = object;
  for (const part of path.split('.')) v = isYamlMap(v) ? v[part] : undefined;
  return v;
}

function fail(ref: ObjectRef, field: string, detail: string): ClusterError {
  return new ClusterError('Invalid', `${qualifiedName(ref)} is invalid: ${field}: ${detail}`, {
    ref,
    field,
    data: { causes: [{ field, message: detail }] },
  });
}

function withoutRequests(spec: YamlValue | undefined): YamlValue | undefined {
  if (!isYamlMap(spec)) return spec;
  const { resources, ...rest } = spec;
  const kept: YamlMap = { ...rest };
  if (isYamlMap(resources)) {
    const { requests: _requests, ...others } = resources;
    if (Object.keys(others).length > 0) kept['resources'] = others;
  }
  delete kept['volumeAttributesClassName'];
  return kept;
}

/**
 * Rejects an update that changes an immutable field, with the API server's `field is
 * immutable` wording. Throws `Invalid`.
 *
 * @example
 * ```ts
 * checkImmutableFields(oldDeployment, newDeployment, ref, 'apps');
 * ```
 */
export function checkImmutableFields(
  before: YamlMap,
  after: YamlMap,
  ref: ObjectRef,
  group: string,
): void {
  for (const path of IMMUTABLE_FIELDS[`${group}/${ref.kind}`] ?? []) {
    const old = at(before, path);
    const next = at(after, path);
    if (old === undefined || yamlEqual(old, next)) continue;
    if (path === 'spec.clusterIP' && (next === undefined || next === '')) continue;
    throw fail(ref, path, `Invalid value: ${canonicalJson(next ?? null)}: field is immutable`);
  }
  if (group === '' && ref.kind === 'PersistentVolumeClaim') {
    if (!yamlEqual(withoutRequests(before['spec']), withoutRequests(after['spec'])))
      throw fail(
        ref,
        'spec',
        'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      );
  }
  if (
    group === '' &&
    (ref.kind === 'ConfigMap' || ref.kind === 'Secret') &&
    before['immutable'] === true
  ) {
    if (after['immutable'] !== true)
      throw fail(ref, 'immutable', 'Forbidden: field is immutable when `immutable` is set');
    for (const field of ['data', 'binaryData'])
      if (!yamlEqual(before[field] ?? {}, after[field] ?? {}))
        throw fail(ref, field, 'Forbidden: field is immutable when `immutable` is set');
  }
}
