import { parseApiVersion, type YamlMap } from '@kustomate/resource';
import type { HealthCheckExprSet } from './cel/compile-health-check-exprs.js';
import { fieldAt, stringField } from './fields.js';
import { computeFluxJobStatus } from './flux-job-status.js';
import { computeStatus } from './kstatus/compute-status.js';
import type { StatusResult } from './status.js';

/** Options of {@link evaluateHealth}. */
export interface EvaluateHealthOptions {
  /** The object as read from the cluster; `undefined` or `null` when it was not found. */
  live: YamlMap | null | undefined;
  /** The object as applied; lets a deleted Job with `ttlSecondsAfterFinished` count as done. */
  desired?: YamlMap;
  /** Compiled `spec.healthCheckExprs` (see {@link compileHealthCheckExprs}). */
  exprs?: HealthCheckExprSet;
  /** The clock for time-dependent rules; defaults to the current time. */
  now?: Date;
}

function isJob(obj: YamlMap): boolean {
  return (
    parseApiVersion(stringField(obj, ['apiVersion'], '')).group === 'batch' &&
    stringField(obj, ['kind'], '') === 'Job'
  );
}

function unknown(e: unknown): StatusResult {
  return { status: 'Unknown', message: e instanceof Error ? e.message : String(e), conditions: [] };
}

/**
 * The health of one object as kustomize-controller's health check sees it. Readers are
 * tried in Flux's order: its Job rule for `batch/Job`, then the CEL expressions registered
 * for the object's group and kind, then kstatus. A missing object is NotFound, except a
 * Job whose applied manifest has `spec.ttlSecondsAfterFinished` (it finished and was
 * cleaned up), which is Current. A rule or expression error yields Unknown with the error
 * text, as the status poller reports it; this function never throws.
 *
 * @example
 * ```ts
 * evaluateHealth({ live: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } });
 * // { status: 'Current', message: 'Resource is always ready', conditions: [] }
 * ```
 */
export function evaluateHealth(options: EvaluateHealthOptions): StatusResult {
  const { live, desired, exprs, now } = options;
  if (live === undefined || live === null) {
    if (
      desired &&
      isJob(desired) &&
      fieldAt(desired, ['spec', 'ttlSecondsAfterFinished']) !== undefined
    ) {
      return {
        status: 'Current',
        message: 'Job with ttlSecondsAfterFinished was deleted',
        conditions: [],
      };
    }
    return { status: 'NotFound', message: 'Resource not found', conditions: [] };
  }
  if (isJob(live)) return computeFluxJobStatus(live);
  try {
    const cel = exprs?.find(stringField(live, ['apiVersion'], ''), stringField(live, ['kind'], ''));
    return cel ? cel.evaluate(live) : computeStatus(live, now ? { now } : {});
  } catch (e) {
    return unknown(e);
  }
}
