import { KustomateError, type KustomateErrorOptions } from '@kustomate/resource';

/** Codes of {@link DriftDiffError}, one per way a diff can be refused. */
export type DriftDiffErrorCode = 'InvalidIgnoreRule' | 'InvalidSelector' | 'InvalidObject';

/**
 * An error from `@kustomate/drift-diff`: a malformed ignore rule or selector, or an object
 * without the identity fields a diff needs. `location.object` names the object where known.
 *
 * @example
 * ```ts
 * try { compileIgnoreRules([{ paths: ['spec'] }]); }
 * catch (e) { if (e instanceof DriftDiffError && e.code === 'InvalidIgnoreRule') … }
 * ```
 */
export class DriftDiffError extends KustomateError<DriftDiffErrorCode> {
  constructor(
    code: DriftDiffErrorCode,
    message: string,
    options: KustomateErrorOptions<unknown> = {},
  ) {
    super(code, message, options);
  }
}
