import { parseApiVersion, type ObjectRef } from '@kustomate/resource';

/**
 * Kinds applied first, in this order (fluxcd/pkg `ssa/sort.go`); every other kind ranks
 * after them and before {@link APPLY_ORDER_LAST}.
 *
 * @example
 * ```ts
 * APPLY_ORDER_FIRST.indexOf('Namespace') < APPLY_ORDER_FIRST.indexOf('Deployment'); // true
 * ```
 */
export const APPLY_ORDER_FIRST: readonly string[] = [
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
 * Kinds applied last, in this order: admission webhooks, so they cannot block the rest.
 *
 * @example
 * ```ts
 * APPLY_ORDER_LAST; // ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']
 * ```
 */
export const APPLY_ORDER_LAST: readonly string[] = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

const rank = new Map<string, number>([
  ...APPLY_ORDER_FIRST.map((k, i): [string, number] => [k, i - APPLY_ORDER_FIRST.length]),
  ...APPLY_ORDER_LAST.map((k, i): [string, number] => [k, i + 1]),
]);

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Flux's apply comparator: kind rank ({@link APPLY_ORDER_FIRST}, others,
 * {@link APPLY_ORDER_LAST}), then group, kind, namespace and name as byte strings.
 *
 * @example
 * ```ts
 * [deployment, namespace].sort(compareApplyOrder); // namespace first
 * ```
 */
export function compareApplyOrder(a: ObjectRef, b: ObjectRef): number {
  const byRank = (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0);
  if (byRank !== 0) return byRank;
  const byGroup = compareText(
    parseApiVersion(a.apiVersion).group,
    parseApiVersion(b.apiVersion).group,
  );
  if (byGroup !== 0) return byGroup;
  return (
    compareText(a.kind, b.kind) ||
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.name, b.name)
  );
}

/**
 * A copy of `items` in apply order ({@link compareApplyOrder}).
 *
 * @example
 * ```ts
 * applyOrder([{ apiVersion: 'v1', kind: 'Service', name: 's', namespace: 'a' },
 *   { apiVersion: 'v1', kind: 'Namespace', name: 'a' }]).map((o) => o.kind); // ['Namespace', 'Service']
 * ```
 */
export function applyOrder<T extends ObjectRef>(items: readonly T[]): T[] {
  return [...items].sort(compareApplyOrder);
}

/**
 * A copy of `items` in prune order: the exact reverse of the apply order, as Flux's garbage
 * collection deletes (no stages, no waits).
 *
 * @example
 * ```ts
 * pruneOrder(stale).map(formatSubject); // webhooks first, Namespaces and CRDs last
 * ```
 */
export function pruneOrder<T extends ObjectRef>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareApplyOrder(b, a));
}

/**
 * Flux's change-set subject: `Kind/namespace/name`, or `Kind/name` when cluster-scoped.
 *
 * @example
 * ```ts
 * formatSubject({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'web' }); // 'Deployment/app/web'
 * ```
 */
export function formatSubject(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
