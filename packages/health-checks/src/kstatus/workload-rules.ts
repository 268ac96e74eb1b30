import type { YamlMap } from '@kustomate/resource';
import { readConditions } from '../conditions.js';
import { intField, stringField, strictIntField } from '../fields.js';
import { currentResult, inProgressResult, failedResult, type StatusResult } from '../status.js';

/** Go's math.MaxInt32: the controller's "no progress deadline" sentinel. */
const NO_DEADLINE = 2147483647;

/** kstatus' Deployment rule: progress deadline, replica counts, then Progressing/Available. */
export function deploymentStatus(obj: YamlMap): StatusResult {
  let progressing = intField(obj, ['spec', 'progressDeadlineSeconds'], NO_DEADLINE) === NO_DEADLINE;
  let available = false;
  for (const c of readConditions(obj)) {
    if (c.type === 'Progressing') {
      if (c.reason === 'ProgressDeadlineExceeded') {
        const r = failedResult(c.reason, c.message);
        return { ...r, message: 'Progress deadline exceeded' };
      }
      if (c.status === 'True' && c.reason === 'NewReplicaSetAvailable') progressing = true;
    } else if (c.type === 'Available' && c.status === 'True') {
      available = true;
    }
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const updated = intField(obj, ['status', 'updatedReplicas'], 0);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const avail = intField(obj, ['status', 'availableReplicas'], 0);
  if (spec > replicas) return inProgressResult('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > updated) return inProgressResult('LessUpdated', `Updated: ${updated}/${spec}`);
  if (replicas > spec) {
    return inProgressResult('ExtraPods', `Pending termination: ${replicas - spec}`);
  }
  if (updated > avail) return inProgressResult('LessAvailable', `Available: ${avail}/${updated}`);
  if (spec > ready) return inProgressResult('LessReady', `Ready: ${ready}/${spec}`);
  if (!progressing) return inProgressResult('ReplicaSetNotAvailable', 'ReplicaSet not Available');
  if (!available) return inProgressResult('DeploymentNotAvailable', 'Deployment not Available');
  return currentResult(`Deployment is available. Replicas: ${replicas}`);
}

/** kstatus' StatefulSet rule: OnDelete, replica counts, partitions, revisions. */
export function statefulSetStatus(obj: YamlMap): StatusResult {
  if (stringField(obj, ['spec', 'updateStrategy', 'type'], '') === 'OnDelete') {
    return currentResult('StatefulSet is using the ondelete update strategy');
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const current = intField(obj, ['status', 'currentReplicas'], 0);
  const updated = intField(obj, ['status', 'updatedReplicas'], 0);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const partition = intField(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], -1);
  if (spec > replicas) return inProgressResult('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > ready) return inProgressResult('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) {
    return inProgressResult('ExtraPods', `Pending termination: ${replicas - spec}`);
  }
  if (partition !== -1) {
    if (updated < spec - partition) {
      return inProgressResult('PartitionRollout', `updated: ${updated}/${spec - partition}`);
    }
    return currentResult(`Partition rollout complete. updated: ${updated}`);
  }
  if (spec > current) return inProgressResult('LessCurrent', `current: ${current}/${spec}`);
  const currentRevision = stringField(obj, ['status', 'currentRevision'], '');
  if (currentRevision !== stringField(obj, ['status', 'updateRevision'], '')) {
    return inProgressResult('RevisionMismatch', 'Waiting for updated revision to match current');
  }
  return currentResult(`All replicas scheduled as expected. Replicas: ${replicas}`);
}

/** kstatus' DaemonSet rule: generation fields must be set, then scheduling counts. */
export function daemonSetStatus(obj: YamlMap): StatusResult {
  const kind = stringField(obj, ['kind'], '');
  if (strictIntField(obj, ['metadata', 'generation']) === undefined) {
    return inProgressResult('NoGeneration', `${kind} metadata.generation not found`);
  }
  if (strictIntField(obj, ['status', 'observedGeneration']) === undefined) {
    return inProgressResult('NoObservedGeneration', `${kind} status.observedGeneration not found`);
  }
  const desired = intField(obj, ['status', 'desiredNumberScheduled'], -1);
  const current = intField(obj, ['status', 'currentNumberScheduled'], 0);
  const updated = intField(obj, ['status', 'updatedNumberScheduled'], 0);
  const available = intField(obj, ['status', 'numberAvailable'], 0);
  const ready = intField(obj, ['status', 'numberReady'], 0);
  if (desired === -1) {
    return inProgressResult('NoDesiredNumber', 'Missing .status.desiredNumberScheduled');
  }
  if (desired > current) return inProgressResult('LessCurrent', `Current: ${current}/${desired}`);
  if (desired > updated) return inProgressResult('LessUpdated', `Updated: ${updated}/${desired}`);
  if (desired > available) {
    return inProgressResult('LessAvailable', `Available: ${available}/${desired}`);
  }
  if (desired > ready) return inProgressResult('LessReady', `Ready: ${ready}/${desired}`);
  return currentResult(`All replicas scheduled as expected. Replicas: ${desired}`);
}

/** kstatus' ReplicaSet rule: ReplicaFailure, then labelled/available/ready/extra counts. */
export function replicaSetStatus(obj: YamlMap): StatusResult {
  if (readConditions(obj).some((c) => c.type === 'ReplicaFailure' && c.status === 'True')) {
    return inProgressResult('ReplicaFailure', 'Replica Failure condition. Check Pods');
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const available = intField(obj, ['status', 'availableReplicas'], 0);
  const labelled = intField(obj, ['status', 'fullyLabeledReplicas'], 0);
  if (spec > labelled) return inProgressResult('LessLabelled', `Labelled: ${labelled}/${spec}`);
  if (spec > available) {
    return inProgressResult('LessAvailable', `Available: ${available}/${spec}`);
  }
  if (spec > ready) return inProgressResult('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) {
    return inProgressResult('ExtraPods', `Pending termination: ${replicas - spec}`);
  }
  return currentResult(`ReplicaSet is available. Replicas: ${replicas}`);
}
