import { PrunePlannerError } from './errors.js';

/** A deletion budget: a count, or a percentage of the previous inventory such as `'10%'`. */
export type DeletionBudget = number | `${number}%`;

/**
 * The number of deletions a budget allows for an inventory of `inventorySize` entries
 * (percentages round down). Throws `InvalidPolicy` for a negative or malformed budget.
 *
 * @example
 * ```ts
 * deletionLimit('10%', 25); // 2
 * deletionLimit(5, 25); // 5
 * ```
 */
export function deletionLimit(budget: DeletionBudget, inventorySize: number): number {
  if (typeof budget === 'number') {
    if (!Number.isInteger(budget) || budget < 0) throw badBudget(budget);
    return budget;
  }
  const m = /^(\d+(?:\.\d+)?)%$/.exec(budget);
  if (!m) throw badBudget(budget);
  const pct = Number(m[1]);
  if (pct > 100) throw badBudget(budget);
  return Math.floor((pct * inventorySize) / 100);
}

function badBudget(budget: unknown): PrunePlannerError {
  return new PrunePlannerError(
    'InvalidPolicy',
    `maxDeletions must be a non-negative integer or a percentage from 0% to 100%, got ${JSON.stringify(budget)}`,
    { location: { field: 'policy.maxDeletions' }, data: { maxDeletions: budget } },
  );
}
