import type { RemoteSpec } from './parse-remote-spec.js';

/** Something a build needs fetched before it can go on. */
export type RemoteRequest = { kind: 'file'; url: string } | { kind: 'repo'; spec: RemoteSpec };

/**
 * Internal signal thrown by the synchronous build when it meets a remote entry that the
 * current build has not fetched yet. `build()` catches it, fetches, and runs the build again;
 * it never reaches callers.
 */
export class NeedsRemote extends Error {
  constructor(readonly request: RemoteRequest) {
    super(
      `remote ${request.kind} not fetched yet: ${request.kind === 'file' ? request.url : request.spec.raw}`,
    );
    this.name = 'NeedsRemote';
  }
}

/** The cache key of a request: one fetch per URL for files, per clone URL and ref for repos. */
export function requestKey(request: RemoteRequest): string {
  return request.kind === 'file'
    ? `file\u0000${request.url}`
    : `repo\u0000${request.spec.cloneUrl}\u0000${request.spec.ref}`;
}
