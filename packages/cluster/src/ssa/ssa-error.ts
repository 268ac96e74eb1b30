import type { FieldPath } from '../fieldpath/path-element.js';

/** One field of a failed apply: the other manager that owns it and where it is. */
export interface OwnershipConflict {
  manager: string;
  path: FieldPath;
}

/**
 * A failure of the field-ownership engine: the object does not fit its schema
 * (`kind: 'invalid'`) or an apply conflicts with other managers (`kind: 'conflict'`).
 * The cluster turns it into a `ClusterError`.
 *
 * @example
 * ```ts
 * if (e instanceof SsaError && e.kind === 'conflict') console.log(e.conflicts);
 * ```
 */
export class SsaError extends Error {
  constructor(
    readonly kind: 'invalid' | 'conflict',
    message: string,
    readonly conflicts: readonly OwnershipConflict[] = [],
  ) {
    super(message);
    this.name = 'SsaError';
  }
}
