import { KustomizeError } from '../errors.js';

/**
 * One loaded key/value pair. The value is text when it is valid UTF-8 and the raw bytes
 * otherwise (only file sources can produce bytes).
 */
export interface KvPair {
  key: string;
  value: string | Uint8Array;
}

/**
 * Re-throws `e` with `prefix: ` in front of its message, the way kustomize wraps errors
 * (`errors.Wrap`). A {@link KustomizeError} keeps its code and location.
 */
export function wrapError(e: unknown, prefix: string): KustomizeError {
  if (e instanceof KustomizeError) {
    return new KustomizeError(e.code, `${prefix}: ${e.message}`, {
      location: e.location,
      data: e.data,
      cause: e,
    });
  }
  const message = e instanceof Error ? e.message : String(e);
  return new KustomizeError('InvalidGenerator', `${prefix}: ${message}`, { cause: e });
}
