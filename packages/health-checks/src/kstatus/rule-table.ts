import type { YamlMap } from '@kustomate/resource';
import type { StatusResult } from '../status.js';
import { podStatus } from './pod-status.js';
import {
  alwaysReadyStatus,
  crdStatus,
  kstatusJobStatus,
  pdbStatus,
  pvcStatus,
  serviceStatus,
} from './simple-rules.js';
import {
  daemonSetStatus,
  deploymentStatus,
  replicaSetStatus,
  statefulSetStatus,
} from './workload-rules.js';

/** A kind-specific status rule; `now` is the clock for time-dependent rules (Pod scheduling). */
export type StatusRule = (obj: YamlMap, now: Date) => StatusResult;

/**
 * kstatus' built-in rules keyed by `group/Kind` (`Kind` alone for the core group). Kinds
 * not listed fall back to the `Ready` condition, then Current.
 *
 * @example
 * ```ts
 * KSTATUS_RULES.get('apps/Deployment')?.(deployment, new Date());
 * ```
 */
export const KSTATUS_RULES: ReadonlyMap<string, StatusRule> = new Map<string, StatusRule>([
  ['Service', serviceStatus],
  ['Pod', podStatus],
  ['Secret', alwaysReadyStatus],
  ['ConfigMap', alwaysReadyStatus],
  ['PersistentVolumeClaim', pvcStatus],
  ['apps/StatefulSet', statefulSetStatus],
  ['apps/DaemonSet', daemonSetStatus],
  ['extensions/DaemonSet', daemonSetStatus],
  ['apps/Deployment', deploymentStatus],
  ['extensions/Deployment', deploymentStatus],
  ['apps/ReplicaSet', replicaSetStatus],
  ['extensions/ReplicaSet', replicaSetStatus],
  ['policy/PodDisruptionBudget', pdbStatus],
  ['batch/CronJob', alwaysReadyStatus],
  ['batch/Job', kstatusJobStatus],
  ['apiextensions.k8s.io/CustomResourceDefinition', crdStatus],
]);
