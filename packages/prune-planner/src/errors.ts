import { KustomateError, type KustomateErrorOptions } from '@kustomate/resource';

/** Codes of {@link PrunePlannerError}. */
export type PrunePlannerErrorCode =
  'InvalidInventoryId' | 'DeletionBudgetExceeded' | 'InvalidPolicy';

/**
 * An error from `@kustomate/prune-planner`. `DeletionBudgetExceeded` carries in `data` the
 * subjects the plan would delete, so an operator sees exactly what was refused.
 *
 * @example
 * ```ts
 * try { planPrune({ ...input, policy: { maxDeletions: 2 } }); }
 * catch (e) { if (e instanceof PrunePlannerError && e.code === 'DeletionBudgetExceeded') … }
 * ```
 */
export class PrunePlannerError<D = unknown> extends KustomateError<PrunePlannerErrorCode, D> {
  constructor(
    code: PrunePlannerErrorCode,
    message: string,
    options: KustomateErrorOptions<D> = {},
  ) {
    super(code, message, options);
  }
}
