import type { YamlMap } from '@kustomate/resource';
import { readConditions } from '../conditions.js';
import { fieldAt, intField, stringField } from '../fields.js';
import { currentResult, failedResult, inProgressResult, type StatusResult } from '../status.js';

/** Kinds with nothing to wait for (Secret, ConfigMap, CronJob). */
export function alwaysReadyStatus(): StatusResult {
  return currentResult('Resource is always ready');
}

/** kstatus' PersistentVolumeClaim rule: Current once Bound. */
export function pvcStatus(obj: YamlMap): StatusResult {
  const phase = stringField(obj, ['status', 'phase'], 'unknown');
  if (phase !== 'Bound') return inProgressResult('NotBound', `PVC is not Bound. phase: ${phase}`);
  return currentResult('PVC is Bound');
}

/** kstatus' Service rule: a LoadBalancer needs `spec.clusterIP` (not an ingress address). */
export function serviceStatus(obj: YamlMap): StatusResult {
  const type = stringField(obj, ['spec', 'type'], 'ClusterIP');
  if (type === 'LoadBalancer' && stringField(obj, ['spec', 'clusterIP'], '') === '') {
    return inProgressResult('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer');
  }
  return currentResult('Service is ready');
}

/** kstatus' PodDisruptionBudget rule: Current once the generic generation check passed. */
export function pdbStatus(): StatusResult {
  return currentResult('AllowedDisruptions has been computed.');
}

/** kstatus' CustomResourceDefinition rule: NamesAccepted and Established. */
export function crdStatus(obj: YamlMap): StatusResult {
  for (const c of readConditions(obj)) {
    if (c.type === 'NamesAccepted' && c.status === 'False') {
      return failedResult(c.reason, c.message);
    }
    if (c.type === 'Established') {
      if (c.status === 'False' && c.reason !== 'Installing')
        return failedResult(c.reason, c.message);
      if (c.status === 'True') return currentResult('CRD is established');
    }
  }
  return inProgressResult('Installing', 'Install in progress');
}

/**
 * kstatus' own Job rule (kubernetes-sigs/cli-utils): Complete and Failed conditions, a
 * `Suspended` condition on a Job with `spec.suspend`, then "not started" until `status.startTime`, then Current while running.
 * Flux replaces it with {@link computeFluxJobStatus}, which waits for completion.
 */
export function kstatusJobStatus(obj: YamlMap): StatusResult {
  const parallelism = intField(obj, ['spec', 'parallelism'], 1);
  const completions = intField(obj, ['spec', 'completions'], parallelism);
  const succeeded = intField(obj, ['status', 'succeeded'], 0);
  const active = intField(obj, ['status', 'active'], 0);
  const failed = intField(obj, ['status', 'failed'], 0);
  for (const c of readConditions(obj)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Complete') {
      return currentResult(`Job Completed. succeeded: ${succeeded}/${completions}`);
    }
    if (c.type === 'Failed') {
      return failedResult('JobFailed', `Job Failed. failed: ${failed}/${completions}`);
    }
    if (c.type === 'Suspended' && fieldAt(obj, ['spec', 'suspend']) === true) {
      return currentResult('Job is suspended');
    }
  }
  const started = fieldAt(obj, ['status', 'startTime']);
  if (typeof started !== 'string' || started === '') {
    return inProgressResult('JobNotStarted', 'Job not started');
  }
  return currentResult(
    `Job in progress. success:${succeeded}, active: ${active}, failed: ${failed}`,
  );
}
