import { cloneYaml, isYamlMap } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';

/** The mode of configMap, secret, downwardAPI and projected volumes when unset (0644). */
const DEFAULT_VOLUME_MODE = 420;

function setDefault(parent: YamlMap, key: string, value: YamlValue): void {
  if (parent[key] === undefined) parent[key] = value;
}

/** The map at `key`, created empty when absent; `undefined` when something else is there. */
function ensureMap(parent: YamlMap, key: string): YamlMap | undefined {
  if (parent[key] === undefined) parent[key] = {};
  const value = parent[key];
  return isYamlMap(value) ? value : undefined;
}

function mapAt(parent: YamlMap, key: string): YamlMap | undefined {
  const value = parent[key];
  return isYamlMap(value) ? value : undefined;
}

function mapItems(parent: YamlMap | undefined, key: string): YamlMap[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value.filter(isYamlMap) : [];
}

/**
 * The tag `parsers.ParseImageName` finds in an image reference: `latest` when there is neither
 * a tag nor a digest, `''` for a digest without a tag.
 *
 * @example
 * ```ts
 * imageTag('registry:5000/nginx'); // 'latest'
 * ```
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : '';
  return tag === '' && at < 0 ? 'latest' : tag;
}

function defaultFieldRef(holder: YamlMap | undefined): void {
  const fieldRef = holder ? mapAt(holder, 'fieldRef') : undefined;
  if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
}

function defaultHttpGet(handler: YamlMap | undefined): void {
  const httpGet = handler ? mapAt(handler, 'httpGet') : undefined;
  if (!httpGet) return;
  setDefault(httpGet, 'path', '/');
  setDefault(httpGet, 'scheme', 'HTTP');
}

function defaultProbe(probe: YamlMap | undefined): void {
  if (!probe) return;
  setDefault(probe, 'timeoutSeconds', 1);
  setDefault(probe, 'periodSeconds', 10);
  setDefault(probe, 'successThreshold', 1);
  setDefault(probe, 'failureThreshold', 3);
  defaultHttpGet(probe);
}

/** `SetDefaults_Container` and the defaults of what a container holds. */
function defaultContainer(container: YamlMap, hostNetwork: boolean): void {
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  const image = container['image'];
  setDefault(
    container,
    'imagePullPolicy',
    typeof image === 'string' && imageTag(image) === 'latest' ? 'Always' : 'IfNotPresent',
  );
  setDefault(container, 'resources', {});
  for (const port of mapItems(container, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (hostNetwork && port['containerPort'] !== undefined)
      setDefault(port, 'hostPort', port['containerPort']);
  }
  for (const env of mapItems(container, 'env')) defaultFieldRef(mapAt(env, 'valueFrom'));
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'])
    defaultProbe(mapAt(container, probe));
  const lifecycle = mapAt(container, 'lifecycle');
  if (lifecycle)
    for (const hook of ['postStart', 'preStop']) defaultHttpGet(mapAt(lifecycle, hook));
}

const VOLUME_SOURCES_WITH_MODE = ['configMap', 'secret', 'downwardAPI', 'projected'];

/** `SetDefaults_Volume` and the volume source defaults. */
function defaultVolume(volume: YamlMap): void {
  if (Object.keys(volume).every((k) => k === 'name')) volume['emptyDir'] = {};
  for (const source of VOLUME_SOURCES_WITH_MODE) {
    const s = mapAt(volume, source);
    if (s) setDefault(s, 'defaultMode', DEFAULT_VOLUME_MODE);
  }
  const hostPath = mapAt(volume, 'hostPath');
  if (hostPath) setDefault(hostPath, 'type', '');
  for (const item of mapItems(mapAt(volume, 'downwardAPI'), 'items')) defaultFieldRef(item);
  for (const projection of mapItems(mapAt(volume, 'projected'), 'sources')) {
    for (const item of mapItems(mapAt(projection, 'downwardAPI'), 'items')) defaultFieldRef(item);
    const token = mapAt(projection, 'serviceAccountToken');
    if (token) setDefault(token, 'expirationSeconds', 3600);
  }
}

/** `SetDefaults_PodSpec` with its containers and volumes. */
function defaultPodSpec(spec: YamlMap): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  const hostNetwork = spec['hostNetwork'] === true;
  for (const list of ['containers', 'initContainers', 'ephemeralContainers'])
    for (const container of mapItems(spec, list)) defaultContainer(container, hostNetwork);
  for (const volume of mapItems(spec, 'volumes')) defaultVolume(volume);
}

function defaultPodTemplate(holder: YamlMap | undefined): void {
  const template = holder ? mapAt(holder, 'template') : undefined;
  const spec = template ? mapAt(template, 'spec') : undefined;
  if (spec) defaultPodSpec(spec);
}

/** `SetDefaults_Pod`: the pod spec, service links, and requests copied from limits. */
function defaultPod(object: YamlMap): void {
  const spec = mapAt(object, 'spec');
  if (!spec) return;
  defaultPodSpec(spec);
  setDefault(spec, 'enableServiceLinks', true);
  for (const list of ['containers', 'initContainers'])
    for (const container of mapItems(spec, list)) {
      const resources = mapAt(container, 'resources');
      const limits = resources ? mapAt(resources, 'limits') : undefined;
      if (!resources || !limits || Object.keys(limits).length === 0) continue;
      const requests = ensureMap(resources, 'requests');
      if (requests)
        for (const [name, quantity] of Object.entries(limits))
          setDefault(requests, name, cloneYaml(quantity));
    }
}

/** A rolling-update strategy at `spec[key]`, its type defaulted and its rolling parameters. */
function defaultStrategy(spec: YamlMap, key: string, rolling: YamlMap): void {
  const strategy = ensureMap(spec, key);
  if (!strategy) return;
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy['type'] !== 'RollingUpdate') return;
  const params = ensureMap(strategy, 'rollingUpdate');
  if (params) for (const [k, v] of Object.entries(rolling)) setDefault(params, k, v);
}

function defaultDeployment(spec: YamlMap): void {
  setDefault(spec, 'replicas', 1);
  defaultStrategy(spec, 'strategy', { maxUnavailable: '25%', maxSurge: '25%' });
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec);
}

function defaultPvcSpec(spec: YamlMap | undefined): void {
  if (spec) setDefault(spec, 'volumeMode', 'Filesystem');
}

function defaultStatefulSet(spec: YamlMap): void {
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureMap(spec, 'updateStrategy');
  if (strategy) {
    if (strategy['type'] === undefined) {
      strategy['type'] = 'RollingUpdate';
      setDefault(strategy, 'rollingUpdate', {});
    }
    const rolling = mapAt(strategy, 'rollingUpdate');
    if (strategy['type'] === 'RollingUpdate' && rolling) setDefault(rolling, 'partition', 0);
  }
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  for (const claim of mapItems(spec, 'volumeClaimTemplates')) {
    defaultPvcSpec(mapAt(claim, 'spec'));
    const status = ensureMap(claim, 'status');
    if (status) setDefault(status, 'phase', 'Pending');
  }
  defaultPodTemplate(spec);
}

function defaultDaemonSet(spec: YamlMap): void {
  defaultStrategy(spec, 'updateStrategy', { maxUnavailable: 1, maxSurge: 0 });
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec);
}

function defaultJob(object: YamlMap, spec: YamlMap): void {
  if (spec['completions'] === undefined && spec['parallelism'] === undefined) {
    spec['completions'] = 1;
    spec['parallelism'] = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', 6);
  const template = mapAt(spec, 'template');
  const templateMeta = template ? mapAt(template, 'metadata') : undefined;
  const templateLabels = templateMeta ? mapAt(templateMeta, 'labels') : undefined;
  const meta = mapAt(object, 'metadata');
  const labels = meta ? mapAt(meta, 'labels') : undefined;
  if (meta && templateLabels && (!labels || Object.keys(labels).length === 0))
    meta['labels'] = cloneYaml(templateLabels);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  defaultPodTemplate(spec);
}

function defaultCronJob(spec: YamlMap): void {
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  const jobTemplate = mapAt(spec, 'jobTemplate');
  defaultPodTemplate(jobTemplate ? mapAt(jobTemplate, 'spec') : undefined);
}

/**
 * `SetDefaults_Service` plus what the REST storage fills in (IP families, node ports). The
 * cluster IP itself is allocated on create by the caller.
 */
function defaultService(spec: YamlMap, ordinal: number): void {
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec['sessionAffinity'] === 'ClientIP') {
    const config = ensureMap(spec, 'sessionAffinityConfig');
    const clientIP = config ? ensureMap(config, 'clientIP') : undefined;
    if (clientIP) setDefault(clientIP, 'timeoutSeconds', 10800);
  }
  const type = spec['type'];
  const nodePorts = type === 'NodePort' || type === 'LoadBalancer';
  mapItems(spec, 'ports').forEach((port, i) => {
    setDefault(port, 'protocol', 'TCP');
    const target = port['targetPort'];
    if ((target === undefined || target === 0 || target === '') && port['port'] !== undefined)
      port['targetPort'] = port['port'];
    if (nodePorts) setDefault(port, 'nodePort', 30000 + ((ordinal * 7 + i) % 2768));
  });
  if (type === 'ExternalName') return;
  if (nodePorts) setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true);
  setDefault(spec, 'internalTrafficPolicy', 'Cluster');
  const headlessWithoutSelector = spec['clusterIP'] === 'None' && spec['selector'] === undefined;
  setDefault(spec, 'ipFamilyPolicy', headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack');
  setDefault(spec, 'ipFamilies', ['IPv4']);
}

/**
 * Fills in what kube-apiserver's defaulting (`pkg/apis/*\/v1/defaults.go`) adds to a built-in
 * object of the core, `apps` or `batch` group on every write: workload and pod template specs,
 * containers, volumes, Services, Secrets and PersistentVolumeClaims. Only absent fields are
 * set; `ordinal` picks allocated node ports.
 *
 * @example
 * ```ts
 * defaultBuiltin(deployment, 'apps', 'Deployment', 1); // spec.replicas = 1, spec.strategy = …
 * ```
 */
export function defaultBuiltin(
  object: YamlMap,
  group: string,
  kind: string,
  ordinal: number,
): void {
  const spec = mapAt(object, 'spec');
  switch (`${group}/${kind}`) {
    case 'apps/Deployment':
      if (spec) defaultDeployment(spec);
      return;
    case 'apps/StatefulSet':
      if (spec) defaultStatefulSet(spec);
      return;
    case 'apps/DaemonSet':
      if (spec) defaultDaemonSet(spec);
      return;
    case 'apps/ReplicaSet':
      if (spec) {
        setDefault(spec, 'replicas', 1);
        defaultPodTemplate(spec);
      }
      return;
    case 'batch/Job':
      if (spec) defaultJob(object, spec);
      return;
    case 'batch/CronJob':
      if (spec) defaultCronJob(spec);
      return;
    case '/Pod':
      defaultPod(object);
      return;
    case '/PodTemplate':
      defaultPodTemplate(object);
      return;
    case '/Service':
      if (spec) defaultService(spec, ordinal);
      return;
    case '/Secret':
      setDefault(object, 'type', 'Opaque');
      return;
    case '/PersistentVolumeClaim': {
      defaultPvcSpec(spec);
      const status = ensureMap(object, 'status');
      if (status) setDefault(status, 'phase', 'Pending');
      return;
    }
  }
}
