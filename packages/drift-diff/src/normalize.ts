import { cloneYaml, isYamlMap, yamlEqual, type YamlMap, type YamlValue } from '@kustomate/resource';
import { encodeBase64 } from './base64.js';
import { identityOf, metadataOf } from './metadata.js';

/**
 * Metadata fields the API server populates; never compared and dropped by normalisation.
 *
 * @example
 * ```ts
 * SERVER_METADATA_FIELDS.includes('resourceVersion'); // true
 * ```
 */
export const SERVER_METADATA_FIELDS: readonly string[] = [
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'generation',
  'managedFields',
  'resourceVersion',
  'selfLink',
  'uid',
];

/**
 * Where the pod spec sits, per workload kind (`group/Kind`, core group empty).
 *
 * @example
 * ```ts
 * POD_SPEC_PATHS['apps/Deployment']; // ['spec', 'template', 'spec']
 * ```
 */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/Pod': ['spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function at(obj: YamlValue | undefined, path: readonly string[]): YamlValue | undefined {
  let cur = obj;
  for (const key of path) {
    if (!isYamlMap(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function defaultProtocol(ports: YamlValue | undefined): void {
  if (!Array.isArray(ports)) return;
  for (const port of ports) {
    if (isYamlMap(port) && (port['protocol'] === undefined || port['protocol'] === '')) {
      port['protocol'] = 'TCP';
    }
  }
}

function foldStringData(obj: YamlMap): void {
  const stringData = obj['stringData'];
  if (!isYamlMap(stringData)) return;
  const data = isYamlMap(obj['data']) ? obj['data'] : {};
  for (const [key, value] of Object.entries(stringData)) {
    data[key] = encodeBase64(typeof value === 'string' ? value : String(value));
  }
  if (Object.keys(data).length > 0) obj['data'] = data;
  delete obj['stringData'];
}

/**
 * Flux's `normalize.Unstructured` semantics on a copy of `obj`: container and Service ports
 * without `protocol` get `TCP`; a Secret's `stringData` is folded into base64 `data`; `status`
 * is dropped (except on CustomResourceDefinitions); server-populated metadata
 * ({@link SERVER_METADATA_FIELDS}) is dropped. Objects of unknown kinds get only the last two.
 *
 * @example
 * ```ts
 * normalizeObject({ apiVersion: 'v1', kind: 'Secret', stringData: { foo: 'bar' } });
 * // { apiVersion: 'v1', kind: 'Secret', data: { foo: 'YmFy' } }
 * ```
 */
export function normalizeObject(obj: YamlMap): YamlMap {
  const out = cloneYaml(obj);
  const id = identityOf(out);
  const kindKey = `${id.group}/${id.kind}`;
  const podSpecPath = POD_SPEC_PATHS[kindKey];
  if (podSpecPath) {
    const podSpec = at(out, podSpecPath);
    const containers = isYamlMap(podSpec) ? podSpec['containers'] : undefined;
    if (Array.isArray(containers)) {
      for (const c of containers) if (isYamlMap(c)) defaultProtocol(c['ports']);
    }
  }
  if (kindKey === '/Service') defaultProtocol(at(out, ['spec', 'ports']));
  if (kindKey === '/Secret') foldStringData(out);
  if (kindKey !== 'apiextensions.k8s.io/CustomResourceDefinition') delete out['status'];
  if (isYamlMap(out['metadata'])) {
    const meta = metadataOf(out);
    for (const field of SERVER_METADATA_FIELDS) delete meta[field];
  }
  return out;
}

/**
 * Flux's `normalize.DryRunUnstructured` on a copy of `obj`: a HorizontalPodAutoscaler's
 * `spec.metrics` loses duplicated entries and entries without a `type` (an API-server bug
 * before Kubernetes 1.27). Other objects are returned as copies.
 *
 * @example
 * ```ts
 * normalizeDryRunObject(hpa).spec.metrics; // duplicates removed
 * ```
 */
export function normalizeDryRunObject(obj: YamlMap): YamlMap {
  const out = cloneYaml(obj);
  if (identityOf(out).kind !== 'HorizontalPodAutoscaler') return out;
  const spec = out['spec'];
  if (!isYamlMap(spec) || !Array.isArray(spec['metrics'])) return out;
  const kept: YamlValue[] = [];
  for (const metric of spec['metrics']) {
    const type = isYamlMap(metric) ? metric['type'] : undefined;
    if (typeof type !== 'string' || type === '') continue;
    if (!kept.some((k) => yamlEqual(k, metric))) kept.push(metric);
  }
  spec['metrics'] = kept;
  return out;
}
