import type { HealthStatus } from './status.js';

/**
 * kstatus' aggregate of a set of health results (or bare statuses) against the `desired`
 * status (default Current): any Failed is Failed, else any Unknown is Unknown, else all
 * desired (or none at all) is `desired`, else InProgress.
 *
 * @example
 * ```ts
 * aggregateHealth([evaluateHealth(deployment), evaluateHealth(service)]); // e.g. 'InProgress'
 * aggregateHealth(['Current', 'Failed', 'Unknown']); // 'Failed'
 * ```
 */
export function aggregateHealth(
  results: Iterable<HealthStatus | { readonly status: HealthStatus }>,
  desired: HealthStatus = 'Current',
): HealthStatus {
  let allDesired = true;
  let unknown = false;
  for (const r of results) {
    const s = typeof r === 'string' ? r : r.status;
    if (s === 'Failed') return 'Failed';
    if (s === 'Unknown') unknown = true;
    if (s !== desired) allDesired = false;
  }
  if (unknown) return 'Unknown';
  return allDesired ? desired : 'InProgress';
}
