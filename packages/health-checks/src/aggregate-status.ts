import type { HealthStatus } from './status.js';

/**
 * kstatus' aggregate of a set of statuses against the `desired` one (default Current): any
 * Failed is Failed, else any Unknown is Unknown, else all desired (or none at all) is
 * `desired`, else InProgress.
 *
 * @example
 * ```ts
 * aggregateStatus(['Current', 'InProgress']); // 'InProgress'
 * aggregateStatus(['Current', 'Failed', 'Unknown']); // 'Failed'
 * ```
 */
export function aggregateStatus(
  statuses: Iterable<HealthStatus>,
  desired: HealthStatus = 'Current',
): HealthStatus {
  let allDesired = true;
  let unknown = false;
  for (const s of statuses) {
    if (s === 'Failed') return 'Failed';
    if (s === 'Unknown') unknown = true;
    if (s !== desired) allDesired = false;
  }
  if (unknown) return 'Unknown';
  return allDesired ? desired : 'InProgress';
}
