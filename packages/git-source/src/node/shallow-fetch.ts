import * as fs from 'node:fs';
import { join } from 'node:path';
import git, { Errors, type HttpClient } from 'isomorphic-git';
import { GitSourceError } from '../git-source-error.js';
import { createFetchHttpClient } from './fetch-http-client.js';
import type { CheckedOut } from './local-checkout.js';

/** What {@link shallowFetch} checks out where. */
export interface ShallowFetchOptions {
  /** isomorphic-git's HTTP client; by default one over `fetch` that aborts with `signal`. */
  http: HttpClient | undefined;
  url: string;
  /** Branch, tag or full commit id; `''` for the remote's HEAD. */
  ref: string;
  /** An empty directory to check out into. */
  dir: string;
  signal: AbortSignal;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/**
 * kustomize's clone with isomorphic-git: `init`, `remote add origin`, a depth-1 fetch of the
 * one ref (tags included), and a checkout of what was fetched. A full commit id that is not
 * advertised falls back to a full fetch, as servers rarely allow fetching unadvertised ids.
 */
export async function shallowFetch(options: ShallowFetchOptions): Promise<CheckedOut> {
  const { url, ref, dir, signal } = options;
  const inner = options.http ?? createFetchHttpClient(signal);
  const http: HttpClient = {
    request: (request) => {
      signal.throwIfAborted();
      return inner.request(request);
    },
  };
  await git.init({ fs, dir, defaultBranch: 'main' });
  await git.addRemote({ fs, dir, remote: 'origin', url });
  let oid: string | undefined;
  try {
    const fetched = await git.fetch({
      fs,
      http,
      dir,
      remote: 'origin',
      singleBranch: true,
      depth: 1,
      tags: false,
      ...(ref !== '' ? { ref } : {}),
    });
    oid = fetched.fetchHead ?? undefined;
  } catch (e) {
    signal.throwIfAborted();
    if (!(e instanceof Errors.NotFoundError) || !FULL_SHA.test(ref)) throw classify(e, url, ref);
    try {
      await git.fetch({ fs, http, dir, remote: 'origin', singleBranch: false, tags: true });
    } catch (full) {
      signal.throwIfAborted();
      throw classify(full, url, ref);
    }
    oid = ref.toLowerCase();
  }
  if (oid === undefined) {
    throw new GitSourceError('RefNotFound', `'${url}' has no ref '${ref || 'HEAD'}'`, {
      data: { url, ref },
    });
  }
  signal.throwIfAborted();
  try {
    await git.checkout({ fs, dir, ref: oid, force: true });
    return { gitdir: join(dir, '.git'), commit: (await git.readCommit({ fs, dir, oid })).oid };
  } catch (e) {
    throw classify(e, url, ref);
  }
}

function classify(e: unknown, url: string, ref: string): GitSourceError {
  const message = e instanceof Error ? e.message : String(e);
  const data = { url, ...(ref !== '' ? { ref } : {}) };
  if (e instanceof Errors.NotFoundError) {
    return new GitSourceError(
      'RefNotFound',
      `cannot fetch ref '${ref || 'HEAD'}' of '${url}': ${message}`,
      { data, cause: e },
    );
  }
  return new GitSourceError('FetchFailed', `cannot fetch '${url}': ${message}`, {
    data,
    cause: e,
  });
}
