import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { findCondition, readConditions } from '../conditions.js';
import { HealthCheckError } from '../errors.js';
import { describeObject, fieldAt, stringField } from '../fields.js';
import { currentResult, failedResult, inProgressResult, type StatusResult } from '../status.js';

/**
 * How long (ms) a Pod may stay unschedulable after creation before kstatus reports it Failed.
 *
 * @example
 * ```ts
 * computeStatus(pendingPod, { now: new Date(created.getTime() + SCHEDULE_WINDOW_MS + 1) }).status; // 'Failed'
 * ```
 */
export const SCHEDULE_WINDOW_MS = 15_000;

/** Names of containers waiting in `CrashLoopBackOff`. */
function crashLoopingContainers(obj: YamlMap): string[] {
  const statuses = fieldAt(obj, ['status', 'containerStatuses']);
  if (!Array.isArray(statuses)) return [];
  const names: string[] = [];
  for (const cs of statuses) {
    if (!isYamlMap(cs) || typeof cs['name'] !== 'string') continue;
    const reason = fieldAt(cs, ['state', 'waiting', 'reason']);
    if (reason === 'CrashLoopBackOff') names.push(cs['name']);
  }
  return names;
}

/**
 * kstatus' Pod rule. Finished Pods are Current; a running Pod is Current once Ready, Failed
 * when a container crash-loops; a Pending Pod that cannot be scheduled is InProgress for
 * {@link SCHEDULE_WINDOW_MS} after `metadata.creationTimestamp` (relative to `now`), then
 * Failed. An unknown phase is a {@link HealthCheckError} `InvalidStatusField`.
 */
export function podStatus(obj: YamlMap, now: Date): StatusResult {
  const conditions = readConditions(obj);
  const phase = stringField(obj, ['status', 'phase'], '');
  switch (phase) {
    case 'Succeeded':
      return currentResult('Pod has completed successfully');
    case 'Failed':
      return currentResult('Pod has completed, but not successfully');
    case 'Running': {
      if (findCondition(conditions, 'Ready', 'True')) return currentResult('Pod is Ready');
      const looping = crashLoopingContainers(obj);
      if (looping.length > 0) {
        return failedResult(
          'ContainerCrashLooping',
          `Containers in CrashLoop state: ${looping.join(',')}`,
        );
      }
      return inProgressResult('PodRunningNotReady', 'Pod is running but is not Ready');
    }
    case 'Pending': {
      const scheduled = findCondition(conditions, 'PodScheduled', 'False');
      if (scheduled?.reason === 'Unschedulable') {
        const created = Date.parse(stringField(obj, ['metadata', 'creationTimestamp'], ''));
        if (!Number.isNaN(created) && now.getTime() - SCHEDULE_WINDOW_MS < created) {
          return inProgressResult('PodNotScheduled', 'Pod has not been scheduled');
        }
        return failedResult('PodUnschedulable', 'Pod could not be scheduled');
      }
      return inProgressResult('PodPending', 'Pod is in the Pending phase');
    }
    case '':
      return inProgressResult('PodNotObserved', 'Pod phase not available');
    default:
      throw new HealthCheckError('InvalidStatusField', `unknown phase ${phase}`, {
        location: { object: describeObject(obj), field: 'status.phase' },
      });
  }
}
