/** The type a known field must have (`int-or-string` is Kubernetes' `IntOrString`). */
export type Expected =
  'string' | 'integer' | 'boolean' | 'map' | 'list' | 'int-or-string' | 'map-of-strings';

type Table = Record<string, Expected>;

/** Prefixes every path of `table` with `prefix` (which ends in `.`). */
function under(prefix: string, table: Table): Table {
  return Object.fromEntries(Object.entries(table).map(([path, t]) => [prefix + path, t]));
}

const PROBE: Table = {
  '': 'map',
  initialDelaySeconds: 'integer',
  periodSeconds: 'integer',
  timeoutSeconds: 'integer',
  successThreshold: 'integer',
  failureThreshold: 'integer',
  httpGet: 'map',
  'httpGet.path': 'string',
  'httpGet.port': 'int-or-string',
  'tcpSocket.port': 'int-or-string',
  'exec.command': 'list',
  'exec.command[]': 'string',
};

/** A container's fields, relative to the container. */
const CONTAINER: Table = {
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  workingDir: 'string',
  command: 'list',
  'command[]': 'string',
  args: 'list',
  'args[]': 'string',
  env: 'list',
  'env[].name': 'string',
  'env[].value': 'string',
  'env[].valueFrom': 'map',
  envFrom: 'list',
  ports: 'list',
  'ports[].containerPort': 'integer',
  'ports[].hostPort': 'integer',
  'ports[].name': 'string',
  'ports[].protocol': 'string',
  resources: 'map',
  'resources.limits': 'map',
  'resources.requests': 'map',
  volumeMounts: 'list',
  'volumeMounts[].name': 'string',
  'volumeMounts[].mountPath': 'string',
  'volumeMounts[].subPath': 'string',
  'volumeMounts[].readOnly': 'boolean',
  securityContext: 'map',
  'securityContext.runAsUser': 'integer',
  'securityContext.runAsGroup': 'integer',
  'securityContext.runAsNonRoot': 'boolean',
  'securityContext.privileged': 'boolean',
  'securityContext.readOnlyRootFilesystem': 'boolean',
  'securityContext.allowPrivilegeEscalation': 'boolean',
  stdin: 'boolean',
  tty: 'boolean',
  ...under('livenessProbe.', PROBE),
  ...under('readinessProbe.', PROBE),
  ...under('startupProbe.', PROBE),
};

/** A pod spec's fields, relative to the pod spec. */
const POD_SPEC: Table = {
  containers: 'list',
  initContainers: 'list',
  ...under('containers[].', CONTAINER),
  ...under('initContainers[].', CONTAINER),
  volumes: 'list',
  'volumes[].name': 'string',
  serviceAccountName: 'string',
  automountServiceAccountToken: 'boolean',
  nodeSelector: 'map-of-strings',
  nodeName: 'string',
  restartPolicy: 'string',
  dnsPolicy: 'string',
  schedulerName: 'string',
  priorityClassName: 'string',
  hostname: 'string',
  subdomain: 'string',
  terminationGracePeriodSeconds: 'integer',
  activeDeadlineSeconds: 'integer',
  hostNetwork: 'boolean',
  hostPID: 'boolean',
  hostIPC: 'boolean',
  enableServiceLinks: 'boolean',
  securityContext: 'map',
  'securityContext.runAsUser': 'integer',
  'securityContext.runAsGroup': 'integer',
  'securityContext.fsGroup': 'integer',
  'securityContext.runAsNonRoot': 'boolean',
  affinity: 'map',
  tolerations: 'list',
  'tolerations[].key': 'string',
  'tolerations[].operator': 'string',
  'tolerations[].value': 'string',
  'tolerations[].effect': 'string',
  'tolerations[].tolerationSeconds': 'integer',
  imagePullSecrets: 'list',
  'imagePullSecrets[].name': 'string',
};

/** A pod template's fields, relative to the template. */
const POD_TEMPLATE: Table = {
  '': 'map',
  metadata: 'map',
  'metadata.labels': 'map-of-strings',
  'metadata.annotations': 'map-of-strings',
  spec: 'map',
  ...under('spec.', POD_SPEC),
};

/** The fields of a workload spec with a selector and a pod template, relative to the spec. */
const WORKLOAD_SPEC: Table = {
  minReadySeconds: 'integer',
  revisionHistoryLimit: 'integer',
  selector: 'map',
  'selector.matchLabels': 'map-of-strings',
  'selector.matchExpressions': 'list',
  ...under('template.', POD_TEMPLATE),
};

const JOB_SPEC: Table = {
  backoffLimit: 'integer',
  completions: 'integer',
  parallelism: 'integer',
  activeDeadlineSeconds: 'integer',
  ttlSecondsAfterFinished: 'integer',
  suspend: 'boolean',
  completionMode: 'string',
  manualSelector: 'boolean',
  ...under('template.', POD_TEMPLATE),
};

const TABLES: Record<string, Table> = {
  '*': {
    'metadata.labels': 'map-of-strings',
    'metadata.annotations': 'map-of-strings',
    'metadata.finalizers': 'list',
    'metadata.ownerReferences': 'list',
  },
  'apps/Deployment': {
    'spec.replicas': 'integer',
    'spec.progressDeadlineSeconds': 'integer',
    'spec.paused': 'boolean',
    'spec.strategy': 'map',
    'spec.strategy.type': 'string',
    'spec.strategy.rollingUpdate': 'map',
    'spec.strategy.rollingUpdate.maxSurge': 'int-or-string',
    'spec.strategy.rollingUpdate.maxUnavailable': 'int-or-string',
    ...under('spec.', WORKLOAD_SPEC),
  },
  'apps/StatefulSet': {
    'spec.replicas': 'integer',
    'spec.serviceName': 'string',
    'spec.podManagementPolicy': 'string',
    'spec.updateStrategy': 'map',
    'spec.updateStrategy.type': 'string',
    'spec.updateStrategy.rollingUpdate.partition': 'integer',
    'spec.volumeClaimTemplates': 'list',
    ...under('spec.', WORKLOAD_SPEC),
  },
  'apps/DaemonSet': {
    'spec.updateStrategy': 'map',
    'spec.updateStrategy.type': 'string',
    'spec.updateStrategy.rollingUpdate.maxSurge': 'int-or-string',
    'spec.updateStrategy.rollingUpdate.maxUnavailable': 'int-or-string',
    ...under('spec.', WORKLOAD_SPEC),
  },
  'apps/ReplicaSet': { 'spec.replicas': 'integer', ...under('spec.', WORKLOAD_SPEC) },
  'batch/Job': under('spec.', JOB_SPEC),
  'batch/CronJob': {
    'spec.schedule': 'string',
    'spec.timeZone': 'string',
    'spec.suspend': 'boolean',
    'spec.concurrencyPolicy': 'string',
    'spec.startingDeadlineSeconds': 'integer',
    'spec.successfulJobsHistoryLimit': 'integer',
    'spec.failedJobsHistoryLimit': 'integer',
    'spec.jobTemplate': 'map',
    'spec.jobTemplate.spec': 'map',
    ...under('spec.jobTemplate.spec.', JOB_SPEC),
  },
  '/Pod': under('spec.', POD_SPEC),
  '/Service': {
    'spec.ports': 'list',
    'spec.ports[].port': 'integer',
    'spec.ports[].targetPort': 'int-or-string',
    'spec.ports[].nodePort': 'integer',
    'spec.ports[].name': 'string',
    'spec.ports[].protocol': 'string',
    'spec.ports[].appProtocol': 'string',
    'spec.type': 'string',
    'spec.selector': 'map-of-strings',
    'spec.clusterIP': 'string',
    'spec.clusterIPs': 'list',
    'spec.externalIPs': 'list',
    'spec.externalName': 'string',
    'spec.sessionAffinity': 'string',
    'spec.loadBalancerIP': 'string',
    'spec.loadBalancerSourceRanges': 'list',
    'spec.externalTrafficPolicy': 'string',
    'spec.internalTrafficPolicy': 'string',
    'spec.ipFamilyPolicy': 'string',
    'spec.ipFamilies': 'list',
    'spec.publishNotReadyAddresses': 'boolean',
    'spec.allocateLoadBalancerNodePorts': 'boolean',
  },
  '/ConfigMap': { data: 'map-of-strings', binaryData: 'map-of-strings', immutable: 'boolean' },
  '/Secret': {
    data: 'map-of-strings',
    stringData: 'map-of-strings',
    type: 'string',
    immutable: 'boolean',
  },
  '/PersistentVolumeClaim': {
    'spec.accessModes': 'list',
    'spec.storageClassName': 'string',
    'spec.volumeMode': 'string',
    'spec.volumeName': 'string',
    'spec.resources': 'map',
    'spec.resources.requests': 'map',
  },
  '/Namespace': { 'spec.finalizers': 'list' },
};

/**
 * Known field types checked on every write: `group/Kind` (or `*`) → dotted path (`[]` = each
 * item) → type.
 */
export const FIELD_TYPES: Record<string, Table> = Object.fromEntries(
  Object.entries(TABLES).map(([kind, table]) => [
    kind,
    Object.fromEntries(Object.entries(table).map(([path, t]) => [path.replace(/\.$/, ''), t])),
  ]),
);
