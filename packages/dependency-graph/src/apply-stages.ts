import { parseApiVersion, type ObjectRef } from '@kustomate/resource';
import { applyOrder } from './apply-order.js';

/** Names of Flux's apply stages, in the order they run. */
export type ApplyStageName = 'definitions' | 'classes' | 'custom' | 'resources';

/** One stage of a staged apply: what to apply, and whether to wait for it before the next. */
export interface ApplyStage<T extends ObjectRef = ObjectRef> {
  stage: ApplyStageName;
  /** Flux waits (60 s, polling every 2 s) for definitions and classes before going on. */
  wait: boolean;
  /** The stage's objects in apply order. */
  items: T[];
}

/** Options of {@link applyStages}. */
export interface ApplyStagesOptions {
  /**
   * Kinds of the `custom` stage, as `group/Kind` (`Kind` alone for the core group), like
   * kustomize-controller's `--custom-apply-stage-kinds`.
   */
  customStageKinds?: readonly string[];
}

/**
 * The stages in order, with whether each is waited on before the next.
 *
 * @example
 * ```ts
 * APPLY_STAGES.filter((s) => s.wait).map((s) => s.stage); // ['definitions', 'classes']
 * ```
 */
export const APPLY_STAGES: readonly { stage: ApplyStageName; wait: boolean }[] = [
  { stage: 'definitions', wait: true },
  { stage: 'classes', wait: true },
  { stage: 'custom', wait: false },
  { stage: 'resources', wait: false },
];

function groupKind(ref: ObjectRef): string {
  const { group } = parseApiVersion(ref.apiVersion);
  return group === '' ? ref.kind : `${group}/${ref.kind}`;
}

/**
 * The kinds of the `definitions` stage, as fluxcd/pkg `ssa` recognises them: the group must
 * match exactly and the kind case-insensitively (CRDs in `apiextensions.k8s.io`, core
 * Namespaces, RBAC ClusterRoles).
 *
 * @example
 * ```ts
 * DEFINITION_KINDS.map((d) => d.kind); // ['CustomResourceDefinition', 'Namespace', 'ClusterRole']
 * ```
 */
export const DEFINITION_KINDS: readonly { group: string; kind: string }[] = [
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: '', kind: 'Namespace' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
];

/**
 * Kinds ending in this suffix go to the `classes` stage (StorageClass, IngressClass, …).
 *
 * @example
 * ```ts
 * 'GatewayClass'.endsWith(CLASS_KIND_SUFFIX); // true
 * ```
 */
export const CLASS_KIND_SUFFIX = 'Class';

function isDefinition(ref: ObjectRef): boolean {
  const { group } = parseApiVersion(ref.apiVersion);
  const kind = ref.kind.toLowerCase();
  return DEFINITION_KINDS.some((d) => d.group === group && d.kind.toLowerCase() === kind);
}

/**
 * Splits objects into Flux's `ApplyAllStaged` stages: cluster definitions, then any kind
 * ending in `Class`, then the custom stage kinds, then everything else — each in apply order
 * ({@link applyOrder}). Every stage is present, possibly empty; an object goes to the first
 * stage that claims it.
 *
 * @example
 * ```ts
 * applyStages([
 *   { apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', namespace: 'app' },
 *   { apiVersion: 'v1', kind: 'Namespace', name: 'app' },
 * ]).map((s) => [s.stage, s.items.length]);
 * // [['definitions', 1], ['classes', 0], ['custom', 0], ['resources', 1]]
 * ```
 */
export function applyStages<T extends ObjectRef>(
  items: readonly T[],
  options: ApplyStagesOptions = {},
): ApplyStage<T>[] {
  const custom = new Set(options.customStageKinds ?? []);
  const stageOf = (ref: T): ApplyStageName => {
    if (isDefinition(ref)) return 'definitions';
    if (ref.kind.endsWith(CLASS_KIND_SUFFIX)) return 'classes';
    if (custom.has(groupKind(ref))) return 'custom';
    return 'resources';
  };
  const sorted = applyOrder(items);
  return APPLY_STAGES.map(({ stage, wait }) => ({
    stage,
    wait,
    items: sorted.filter((item) => stageOf(item) === stage),
  }));
}
