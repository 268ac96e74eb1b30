import { isYamlMap, parseApiVersion, type YamlMap, type YamlValue } from '@kustomate/resource';
import { shapeProblem } from './check-shape.js';
import type { HealthCheckExprSet } from './cel/compile-health-check-exprs.js';
import { fieldAt, stringField } from './fields.js';
import { computeFluxJobStatus } from './flux-job-status.js';
import { computeStatus } from './kstatus/compute-status.js';
import type { StatusResult } from './status.js';

/**
 * Options of {@link evaluateHealth}.
 *
 * @example
 * ```ts
 * evaluateHealth(await readObject(ref), { desired: applied, exprs, now: new Date() });
 * ```
 */
export interface EvaluateHealthOptions {
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

function unknown(message: string): StatusResult {
  return { status: 'Unknown', message, conditions: [] };
}

function missing(desired: YamlMap | undefined): StatusResult {
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

/**
 * The health of one object as kustomize-controller's health check sees it: `{ status,
 * message, conditions }` with kstatus' status words and wording. Readers are tried in
 * Flux's order: its Job rule for `batch/Job` (a running Job is InProgress), then the CEL
 * expressions registered for the object's group and kind, then kstatus (deletion
 * timestamp, observedGeneration, `Reconciling`/`Stalled`, the built-in kind rules, the
 * `Ready` condition). `undefined` or `null` (not found) is NotFound, except a Job whose
 * applied manifest has `spec.ttlSecondsAfterFinished` (it finished and was cleaned up),
 * which is Current. A malformed object (no `kind`, a `status` that is not a map,
 * `status.conditions` that is not a list, …) or a failing expression is Unknown with a
 * message saying what is wrong: this function never throws.
 *
 * @example
 * ```ts
 * evaluateHealth({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' },
 *   status: { phase: 'Bound' } });
 * // { status: 'Current', message: 'PVC is Bound', conditions: [] }
 * evaluateHealth({ apiVersion: 'v1', metadata: { name: 'x' } });
 * // { status: 'Unknown', message: 'object has no kind', conditions: [] }
 * ```
 */
export function evaluateHealth(
  object: YamlValue | undefined,
  options: EvaluateHealthOptions = {},
): StatusResult {
  const { desired, exprs, now } = options;
  if (object === undefined || object === null) return missing(desired);
  const problem = shapeProblem(object);
  if (problem !== undefined || !isYamlMap(object)) return unknown(problem ?? 'not an object');
  try {
    if (isJob(object)) return computeFluxJobStatus(object);
    const cel = exprs?.find(
      stringField(object, ['apiVersion'], ''),
      stringField(object, ['kind'], ''),
    );
    return cel ? cel.evaluate(object) : computeStatus(object, now ? { now } : {});
  } catch (e) {
    return unknown(e instanceof Error ? e.message : String(e));
  }
}
