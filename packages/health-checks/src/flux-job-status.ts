import type { YamlMap } from '@kustomate/resource';
import { readConditions } from './conditions.js';
import { fieldAt, intField } from './fields.js';
import { currentResult, failedResult, inProgressResult, type StatusResult } from './status.js';

/**
 * Flux's Job rule (fluxcd/pkg `runtime/statusreaders`), which kustomize-controller uses in
 * place of kstatus' for `batch/Job`, without kstatus' generic checks: a suspended Job is
 * Current, `Complete=True` Current, `Failed=True` Failed, otherwise InProgress until it
 * completes (kstatus would call a running Job Current). A Job whose fields cannot be read is
 * Unknown, as the Flux reader reports it.
 *
 * @example
 * ```ts
 * computeFluxJobStatus({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'migrate' },
 *   spec: { parallelism: 2 } }).message; // 'Job not started. active: 0/2'
 * ```
 */
export function computeFluxJobStatus(obj: YamlMap): StatusResult {
  try {
    return fluxJobRule(obj);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      status: 'Unknown',
      message: `Failed to compute job status: ${reason}`,
      conditions: [],
    };
  }
}

function fluxJobRule(obj: YamlMap): StatusResult {
  const parallelism = intField(obj, ['spec', 'parallelism'], 1);
  const completions = intField(obj, ['spec', 'completions'], parallelism);
  const succeeded = intField(obj, ['status', 'succeeded'], 0);
  const active = intField(obj, ['status', 'active'], 0);
  const failed = intField(obj, ['status', 'failed'], 0);
  if (fieldAt(obj, ['spec', 'suspend']) === true) return currentResult('Job is suspended');
  for (const c of readConditions(obj)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Complete') {
      return currentResult(`Job Completed. succeeded: ${succeeded}/${completions}`);
    }
    if (c.type === 'Failed') {
      return failedResult('JobFailed', `Job Failed. failed: ${failed}/${completions}`);
    }
  }
  const started = fieldAt(obj, ['status', 'startTime']);
  if (typeof started !== 'string' || started === '') {
    return inProgressResult('JobNotStarted', `Job not started. active: ${active}/${parallelism}`);
  }
  return inProgressResult(
    'JobInProgress',
    `Job in progress. success:${succeeded}, active: ${active}, failed: ${failed}`,
  );
}
