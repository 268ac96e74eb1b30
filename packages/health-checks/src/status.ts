/**
 * kstatus' status words, e.g. `'Current'`. `Compute` yields the first four; `NotFound` and `Unknown` come from
 * reading the object (404, or a read or rule error).
 */
export type HealthStatus =
  'Current' | 'InProgress' | 'Failed' | 'Terminating' | 'NotFound' | 'Unknown';

/** A standard kstatus condition on a result: `Reconciling` for InProgress, `Stalled` for Failed. */
export interface StatusCondition {
  type: 'Reconciling' | 'Stalled';
  status: 'True';
  reason: string;
  message: string;
}

/**
 * The health of one object: its status, a human message and the standard conditions that
 * explain it.
 *
 * @example
 * ```ts
 * const r: StatusResult = { status: 'Current', message: 'Resource is current', conditions: [] };
 * ```
 */
export interface StatusResult {
  status: HealthStatus;
  message: string;
  conditions: StatusCondition[];
}

/** A Current result with no conditions. */
export function currentResult(message: string): StatusResult {
  return { status: 'Current', message, conditions: [] };
}

/** An InProgress result carrying a `Reconciling` condition with `reason`. */
export function inProgressResult(reason: string, message: string): StatusResult {
  return {
    status: 'InProgress',
    message,
    conditions: [{ type: 'Reconciling', status: 'True', reason, message }],
  };
}

/** A Failed result carrying a `Stalled` condition with `reason`. */
export function failedResult(reason: string, message: string): StatusResult {
  return {
    status: 'Failed',
    message,
    conditions: [{ type: 'Stalled', status: 'True', reason, message }],
  };
}
