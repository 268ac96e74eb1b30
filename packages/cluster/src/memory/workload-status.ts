import { isYamlMap, parseApiVersion } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';

/** Where a simulated workload is in its rollout. */
export type WorkloadStage = 'started' | 'ready' | 'failed';

/**
 * The kinds the workload simulator moves: `group/Kind`.
 *
 * @example
 * ```ts
 * SIMULATED_KINDS.has('apps/Deployment'); // true
 * ```
 */
export const SIMULATED_KINDS = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ReplicaSet',
  'batch/Job',
  '/Pod',
  '/PersistentVolumeClaim',
  '/Service',
]);

function at(o: YamlValue | undefined, ...path: string[]): YamlValue | undefined {
  for (const p of path) o = isYamlMap(o) ? o[p] : undefined;
  return o;
}

function condition(
  type: string,
  status: string,
  reason: string,
  message: string,
  time: string,
): YamlMap {
  return { type, status, reason, message, lastTransitionTime: time, lastUpdateTime: time };
}

/**
 * True when the simulator handles this object (LoadBalancer Services only among Services).
 *
 * @example
 * ```ts
 * isSimulated({ apiVersion: 'v1', kind: 'Service', spec: { type: 'LoadBalancer' } }); // true
 * ```
 */
export function isSimulated(object: YamlMap): boolean {
  const { group } = parseApiVersion(String(object['apiVersion'] ?? ''));
  const key = `${group}/${String(object['kind'])}`;
  if (key === '/Service') return at(object, 'spec', 'type') === 'LoadBalancer';
  return SIMULATED_KINDS.has(key);
}

/**
 * The status a controller would report for a workload at a stage of its rollout, in the shape
 * kstatus reads (observedGeneration, replica counts, conditions).
 *
 * @example
 * ```ts
 * workloadStatus(deployment, 'ready', '2026-01-01T00:00:00Z');
 * ```
 */
export function workloadStatus(object: YamlMap, stage: WorkloadStage, time: string): YamlMap {
  const gen = at(object, 'metadata', 'generation') ?? 1;
  const name = String(at(object, 'metadata', 'name') ?? '');
  const replicasValue = at(object, 'spec', 'replicas');
  const replicas = typeof replicasValue === 'number' ? replicasValue : 1;
  const done = stage === 'ready';
  switch (String(object['kind'])) {
    case 'Deployment':
      if (stage === 'failed')
        return {
          observedGeneration: gen,
          replicas,
          updatedReplicas: replicas,
          unavailableReplicas: replicas,
          conditions: [
            condition(
              'Available',
              'False',
              'MinimumReplicasUnavailable',
              'Deployment does not have minimum availability.',
              time,
            ),
            condition(
              'Progressing',
              'False',
              'ProgressDeadlineExceeded',
              `ReplicaSet "${name}" has timed out progressing.`,
              time,
            ),
          ],
        };
      return {
        observedGeneration: gen,
        replicas,
        updatedReplicas: done ? replicas : 0,
        readyReplicas: done ? replicas : 0,
        availableReplicas: done ? replicas : 0,
        ...(done ? {} : { unavailableReplicas: replicas }),
        conditions: [
          done
            ? condition(
                'Available',
                'True',
                'MinimumReplicasAvailable',
                'Deployment has minimum availability.',
                time,
              )
            : condition(
                'Available',
                'False',
                'MinimumReplicasUnavailable',
                'Deployment does not have minimum availability.',
                time,
              ),
          condition(
            'Progressing',
            'True',
            done ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            done
              ? `ReplicaSet "${name}" has successfully progressed.`
              : `ReplicaSet "${name}" is progressing.`,
            time,
          ),
        ],
      };
    case 'StatefulSet':
      return {
        observedGeneration: gen,
        replicas,
        readyReplicas: done ? replicas : 0,
        currentReplicas: done ? replicas : 0,
        updatedReplicas: done ? replicas : 0,
        availableReplicas: done ? replicas : 0,
        currentRevision: `${name}-${String(gen)}`,
        updateRevision: `${name}-${String(gen)}`,
      };
    case 'DaemonSet': {
      const n = done ? 1 : 0;
      return {
        observedGeneration: gen,
        desiredNumberScheduled: 1,
        currentNumberScheduled: 1,
        updatedNumberScheduled: n,
        numberReady: n,
        numberAvailable: n,
        numberMisscheduled: 0,
        ...(done ? {} : { numberUnavailable: 1 }),
      };
    }
    case 'ReplicaSet':
      return {
        observedGeneration: gen,
        replicas,
        fullyLabeledReplicas: replicas,
        readyReplicas: done ? replicas : 0,
        availableReplicas: done ? replicas : 0,
      };
    case 'Job': {
      const completions = at(object, 'spec', 'completions');
      if (stage === 'failed')
        return {
          startTime: time,
          failed: 1,
          conditions: [
            condition(
              'Failed',
              'True',
              'BackoffLimitExceeded',
              'Job has reached the specified backoff limit',
              time,
            ),
          ],
        };
      return done
        ? {
            startTime: time,
            completionTime: time,
            succeeded: typeof completions === 'number' ? completions : 1,
            conditions: [condition('Complete', 'True', 'Completed', 'Job completed', time)],
          }
        : { startTime: time, active: 1 };
    }
    case 'Pod':
      if (stage === 'failed') return { phase: 'Failed', reason: 'Error' };
      return done
        ? {
            phase: 'Running',
            conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((t) =>
              condition(t, 'True', '', '', time),
            ),
          }
        : { phase: 'Pending', conditions: [condition('PodScheduled', 'True', '', '', time)] };
    case 'PersistentVolumeClaim': {
      if (!done) return { phase: 'Pending' };
      const storage = at(object, 'spec', 'resources', 'requests', 'storage');
      return {
        phase: 'Bound',
        accessModes: at(object, 'spec', 'accessModes') ?? ['ReadWriteOnce'],
        capacity: { storage: storage ?? '1Gi' },
      };
    }
    case 'Service':
      return done ? { loadBalancer: { ingress: [{ ip: '192.0.2.10' }] } } : { loadBalancer: {} };
    default:
      return {};
  }
}
