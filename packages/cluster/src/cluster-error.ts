import { KustomateError, formatObjectRef } from '@kustomate/resource';
import type { ObjectRef } from '@kustomate/resource';

/** The closed set of {@link ClusterError} codes, named after the API server's status reasons. */
export type ClusterErrorCode =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'NoKindMatch'
  | 'Forbidden'
  | 'Timeout'
  | 'Unavailable';

/** One field of a server-side-apply conflict: who owns it and where it is. */
export interface FieldConflict {
  /** The manager that owns the field, e.g. `kubectl` or `flux`. */
  manager: string;
  /** The field path in kubectl's wording, e.g. `.spec.replicas` or `.spec.ports[port=80,protocol="TCP"]`. */
  field: string;
}

/** The structured payload of a {@link ClusterError}. */
export interface ClusterErrorData {
  /** The object the call was about, when there is one. */
  ref?: ObjectRef;
  /** For `Conflict` from server-side apply: every conflicting field and its owner. */
  conflicts?: FieldConflict[];
  /** For `Conflict` from server-side apply: the manager whose apply was refused. */
  fieldManager?: string;
  /** For `Invalid`: every rejected field path (`spec.selector`) with the reason. */
  causes?: { field: string; message: string }[];
}

/**
 * The error every {@link ClusterClient} throws. Branch on {@link ClusterError.code}; for
 * `Conflict` the conflicting fields and their managers are in `data.conflicts`.
 *
 * @example
 * ```ts
 * try { await cluster.apply(obj, { fieldManager: 'flux' }); }
 * catch (e) {
 *   if (e instanceof ClusterError && e.code === 'Conflict') console.log(e.data?.conflicts);
 * }
 * ```
 */
export class ClusterError extends KustomateError<ClusterErrorCode, ClusterErrorData> {
  /** The object the call was about, when there is one. */
  readonly ref: ObjectRef | undefined;

  constructor(
    code: ClusterErrorCode,
    message: string,
    options: { ref?: ObjectRef; data?: ClusterErrorData; field?: string; cause?: unknown } = {},
  ) {
    const ref = options.ref ?? options.data?.ref;
    super(code, message, {
      location: {
        ...(ref ? { object: formatObjectRef(ref) } : {}),
        ...(options.field ? { field: options.field } : {}),
      },
      data: { ...(ref ? { ref } : {}), ...options.data },
      cause: options.cause,
    });
    this.ref = ref;
  }
}

/**
 * True when `error` is a {@link ClusterError}, optionally with the given code.
 *
 * @example
 * ```ts
 * if (isClusterError(e, 'NotFound')) return undefined;
 * ```
 */
export function isClusterError(error: unknown, code?: ClusterErrorCode): error is ClusterError {
  return error instanceof ClusterError && (code === undefined || error.code === code);
}
