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

/**
 * The cache key of a request: one fetch per URL for files; for repos, one per clone URL, ref
 * and submodule setting (a checkout without submodules is not one with them).
 */
export function requestKey(request: RemoteRequest): string {
  if (request.kind === 'file') return `file\u0000${request.url}`;
  const { cloneUrl, ref, submodules } = request.spec;
  return `repo\u0000${cloneUrl}\u0000${ref}${submodules ? '' : '\u0000nosubmodules'}`;
}
