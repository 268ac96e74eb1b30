import { KustomateError } from '@kustomate/resource';

/**
 * Codes of {@link HealthCheckError}:
 * - `InvalidStatusField`: a field a status rule reads has the wrong type (e.g. a string
 *   `metadata.generation` or a `status.conditions` that is not a list);
 * - `InvalidCELExpression`: a `healthCheckExprs` entry does not parse, lacks `current`, or
 *   repeats a GroupKind (Flux stalls the Kustomization with reason `InvalidCELExpression`);
 * - `CELEvaluationFailed`: a health expression failed at evaluation time or did not yield a bool;
 * - `HealthCheckFailed`: {@link waitForHealth} with `failFast` saw a Failed object
 *   (`failed early due to stalled resources: [...]`; `data` is the report);
 * - `HealthCheckTimeout`: {@link waitForHealth} timed out (`timeout waiting for: [...]`;
 *   `data` is the report).
 */
export type HealthCheckErrorCode =
  | 'InvalidStatusField'
  | 'InvalidCELExpression'
  | 'CELEvaluationFailed'
  | 'HealthCheckFailed'
  | 'HealthCheckTimeout';

/**
 * An error from health evaluation; `location.object` names the object at fault and
 * `location.field` the field or the `healthCheckExprs[i].<name>` entry.
 *
 * @example
 * ```ts
 * try { computeStatus(obj); }
 * catch (e) { if (e instanceof HealthCheckError && e.code === 'InvalidStatusField') … }
 * ```
 */
export class HealthCheckError extends KustomateError<HealthCheckErrorCode> {}
