import * as fs from 'node:fs';
import git, { type HttpClient } from 'isomorphic-git';
import { resolveServerRef, type AdvertisedRef } from '../resolve-server-ref.js';
import { classifyFetchError } from './sync-commit.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** Whether `ref` is a full 40-hex commit id (served from the clone cache without a request). */
export function isFullSha(ref: string): boolean {
  return FULL_SHA.test(ref);
}

/** What a kustomize `?ref=` resolved to on the server: the commit and the full ref to fetch. */
export interface RemoteCommit {
  commit: string;
  /** Full ref name (`refs/heads/main`, `refs/tags/v1`, `HEAD`). */
  fetchRef: string;
}

/**
 * Resolves a kustomize `?ref=` (`''` for HEAD) to the commit the server's ref points at now,
 * with one `info/refs` request (`listServerRefs`, tags peeled, as `fetchGitRepository` does).
 * A short name is looked up in git's order (`X`, `refs/X`, `refs/tags/X`, `refs/heads/X`, …),
 * as `git fetch origin X` does. `undefined` when the server advertises no such ref (an
 * abbreviated commit id, say): the caller fetches the ref as given.
 */
export async function resolveRemoteCommit(
  http: HttpClient,
  url: string,
  ref: string,
): Promise<RemoteCommit | undefined> {
  let refs: AdvertisedRef[];
  try {
    refs = await git.listServerRefs({ http, url, protocolVersion: 1, peelTags: true });
  } catch (e) {
    throw classifyFetchError(e, url, { url, ...(ref !== '' ? { ref } : {}) });
  }
  for (const name of candidates(ref)) {
    if (!refs.some((r) => r.ref === name)) continue;
    const { commit, fetchRef } = resolveServerRef({ kind: 'name', name }, refs, url);
    return { commit, fetchRef: fetchRef ?? name };
  }
  return undefined;
}

/** Resolves `ref` (`''` for HEAD) of a local repository to its commit (tags peeled). */
export async function resolveLocalCommit(gitdir: string, ref: string): Promise<string> {
  const oid = await git.resolveRef({ fs, gitdir, ref: ref === '' ? 'HEAD' : ref });
  return (await git.readCommit({ fs, gitdir, oid })).oid;
}

function candidates(ref: string): string[] {
  if (ref === '' || ref === 'HEAD') return ['HEAD'];
  return [
    ref,
    `refs/${ref}`,
    `refs/tags/${ref}`,
    `refs/heads/${ref}`,
    `refs/remotes/${ref}`,
    `refs/remotes/${ref}/HEAD`,
  ];
}
