import type { ObjMetadata } from './object-meta.js';

/**
 * Kinds applied first, in this order (Flux `ssa/sort.go` ReconcileOrder).
 *
 * @example
 * ```ts
 * RECONCILE_ORDER_FIRST[0]; // 'CustomResourceDefinition'
 * ```
 */
export const RECONCILE_ORDER_FIRST: readonly string[] = [
  'CustomResourceDefinition',
  'Namespace',
  'ClusterRole',
  'ClusterClass',
  'RuntimeClass',
  'PriorityClass',
  'StorageClass',
  'VolumeSnapshotClass',
  'IngressClass',
  'GatewayClass',
  'ClusterRoleBinding',
  'ResourceQuota',
  'ServiceAccount',
  'Role',
  'RoleBinding',
  'ConfigMap',
  'Secret',
  'Service',
  'LimitRange',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];

/**
 * Kinds applied last, in this order; every other kind sits between the two lists.
 *
 * @example
 * ```ts
 * RECONCILE_ORDER_LAST.at(-1); // 'ValidatingWebhookConfiguration'
 * ```
 */
export const RECONCILE_ORDER_LAST: readonly string[] = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const KIND_INDEX = new Map<string, number>([
  ...RECONCILE_ORDER_FIRST.map((k, i): [string, number] => [k, i - RECONCILE_ORDER_FIRST.length]),
  ...RECONCILE_ORDER_LAST.map((k, i): [string, number] => [k, i + 1]),
]);

/**
 * The apply-order rank of a kind: negative for {@link RECONCILE_ORDER_FIRST}, positive for
 * {@link RECONCILE_ORDER_LAST}, `0` for any other kind.
 *
 * @example
 * ```ts
 * kindRank('Namespace') < kindRank('Ingress'); // true
 * ```
 */
export function kindRank(kind: string): number {
  return KIND_INDEX.get(kind) ?? 0;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Flux's apply comparator: kind rank, then group, kind, namespace and name.
 *
 * @example
 * ```ts
 * [deploy, ns].sort(compareApplyOrder); // [ns, deploy]
 * ```
 */
export function compareApplyOrder(a: ObjMetadata, b: ObjMetadata): number {
  return (
    kindRank(a.kind) - kindRank(b.kind) ||
    cmp(a.group, b.group) ||
    cmp(a.kind, b.kind) ||
    cmp(a.namespace, b.namespace) ||
    cmp(a.name, b.name)
  );
}

/**
 * Flux's deletion comparator: the exact reverse of {@link compareApplyOrder}, so webhooks go
 * first and Namespaces and CustomResourceDefinitions last.
 *
 * @example
 * ```ts
 * [crd, ns, deploy].sort(compareDeleteOrder); // [deploy, ns, crd]
 * ```
 */
export function compareDeleteOrder(a: ObjMetadata, b: ObjMetadata): number {
  return compareApplyOrder(b, a);
}
