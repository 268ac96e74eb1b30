import * as fs from 'node:fs';
import git, { Errors, type HttpClient } from 'isomorphic-git';
import { GitSourceError } from '../git-source-error.js';
import type { ResolvedRef } from '../resolve-server-ref.js';

const REFSPEC = '+refs/*:refs/remotes/origin/*';

/** Where {@link syncCommit} fetches from and into. */
export interface SyncCommitOptions {
  http: HttpClient;
  url: string;
  /** The persistent local repository (`gitdir`, bare). */
  gitdir: string;
  resolved: ResolvedRef;
}

/**
 * Makes `resolved.commit` present in the local repository: nothing is fetched when it already
 * is (a no-op reconcile); otherwise the ref is fetched with the commit last fetched for it as
 * a `have`, so only new objects travel. A bare commit not yet present fetches all refs. The
 * local ref of the same name records the fetched commit for the next negotiation.
 */
export async function syncCommit(options: SyncCommitOptions): Promise<void> {
  const { http, url, gitdir, resolved } = options;
  if (!fs.existsSync(gitdir)) {
    await git.init({ fs, gitdir, bare: true });
    await git.setConfig({ fs, gitdir, path: 'remote.origin.url', value: url });
    await git.setConfig({ fs, gitdir, path: 'remote.origin.fetch', value: REFSPEC });
  }
  if (await hasCommit(gitdir, resolved.commit)) return;
  if (resolved.fetchRef) await seedLocalRef(gitdir, resolved.fetchRef);
  const data = { url, ...(resolved.fetchRef ? { ref: resolved.fetchRef } : {}) };
  try {
    await git.fetch({
      fs,
      http,
      gitdir,
      remote: 'origin',
      url,
      tags: false,
      ...(resolved.fetchRef
        ? { ref: resolved.fetchRef, remoteRef: resolved.fetchRef, singleBranch: true }
        : { singleBranch: false }),
    });
  } catch (e) {
    throw classifyFetchError(e, url, data);
  }
  if (!(await hasCommit(gitdir, resolved.commit))) {
    throw new GitSourceError(
      'RefNotFound',
      `commit '${resolved.commit}' not found in '${url}'${resolved.reference ? ` on '${resolved.reference}'` : ''}`,
      { data: { url, ref: resolved.commit } },
    );
  }
  if (resolved.fetchRef) {
    await git.writeRef({ fs, gitdir, ref: resolved.fetchRef, value: resolved.commit, force: true });
  }
}

/**
 * isomorphic-git offers as `have` only the local ref of the same name as a single fetched ref,
 * so a ref fetched for the first time starts from any commit fetched before.
 */
async function seedLocalRef(gitdir: string, ref: string): Promise<void> {
  try {
    await git.resolveRef({ fs, gitdir, ref });
    return;
  } catch {
    const known = await git.listRefs({ fs, gitdir, filepath: 'refs/remotes/origin' });
    const first = known[0];
    if (first === undefined) return;
    const value = await git.resolveRef({ fs, gitdir, ref: `refs/remotes/origin/${first}` });
    await git.writeRef({ fs, gitdir, ref, value, force: true });
  }
}

async function hasCommit(gitdir: string, oid: string): Promise<boolean> {
  try {
    await git.readCommit({ fs, gitdir, oid });
    return true;
  } catch {
    return false;
  }
}

/** Maps an isomorphic-git error to a {@link GitSourceError} (HTTP 401/403 to `AuthFailed`). */
export function classifyFetchError(
  e: unknown,
  url: string,
  data: { url: string; ref?: string },
): GitSourceError {
  if (e instanceof GitSourceError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Errors.HttpError) {
    const status = e.data.statusCode;
    const code = status === 401 || status === 403 ? 'AuthFailed' : 'FetchFailed';
    return new GitSourceError(code, `cannot fetch '${url}': HTTP ${status}`, {
      data: { ...data, status },
    });
  }
  if (e instanceof Errors.NotFoundError) {
    return new GitSourceError('RefNotFound', `cannot fetch '${url}': ${message}`, {
      data,
      cause: e,
    });
  }
  return new GitSourceError('FetchFailed', `cannot fetch '${url}': ${message}`, {
    data,
    cause: e,
  });
}
