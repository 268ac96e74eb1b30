import { KustomateError, type KustomateErrorOptions } from '@kustomate/resource';

/** Codes of {@link GitSourceError}. */
export type GitSourceErrorCode =
  /** The URL uses a transport isomorphic-git cannot speak (ssh, git://, SCP-style). */
  | 'UnsupportedProtocol'
  /** The repository could not be fetched (network, server, not a repository). */
  | 'FetchFailed'
  /** The requested branch, tag or commit does not exist in the repository. */
  | 'RefNotFound'
  /** The fetch took longer than the URL's `timeout`. */
  | 'Timeout'
  /** An http(s) file answered with a non-2xx status (`data.status`). */
  | 'HttpStatus'
  /** The server refused the credentials (HTTP 401/403). */
  | 'AuthFailed'
  /** A Secret lacks a key its other keys need, or holds invalid base64. */
  | 'InvalidSecret'
  /** A `semver` ref is not a valid range, or no tag satisfies it (`data.ref`). */
  | 'SemverNoMatch'
  /** An `include` names a path its artifact does not have. */
  | 'IncludeUnavailable';

/** Details of a {@link GitSourceError}. */
export interface GitSourceErrorData {
  url: string;
  ref?: string;
  /** HTTP status, for `HttpStatus`. */
  status?: number;
}

/**
 * An error from fetching a repository or file. `status` mirrors `data.status` (HTTP answers),
 * as the `RemoteLoader` contract of `@kustomate/kustomize-core` asks.
 *
 * @example
 * ```ts
 * try {
 *   await loader.fetchRepo(spec, {});
 * } catch (e) {
 *   if (e instanceof GitSourceError && e.code === 'RefNotFound') console.error(e.data?.ref);
 * }
 * ```
 */
export class GitSourceError extends KustomateError<GitSourceErrorCode, GitSourceErrorData> {
  readonly status: number | undefined;

  constructor(
    code: GitSourceErrorCode,
    message: string,
    options: KustomateErrorOptions<GitSourceErrorData> = {},
  ) {
    super(code, message, options);
    this.status = options.data?.status;
  }
}
