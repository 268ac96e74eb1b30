import type { HttpClient } from 'isomorphic-git';
import type { RemoteLoader } from '@kustomate/kustomize-core';
import { rooted } from '@kustomate/vfs';
import { createNodeFs } from '@kustomate/vfs/node';
import { GitSourceError } from '../git-source-error.js';
import { gitTransport } from '../git-transport.js';
import { checkoutRepo, WITH_SUBMODULES } from './checkout-repo.js';
import { CloneCache } from './clone-cache.js';
import { withDeadline } from './deadline.js';
import { fetchHttpFile } from './fetch-file.js';
import { createFetchHttpClient } from './fetch-http-client.js';
import { localGitdir } from './local-checkout.js';
import { isFullSha, resolveLocalCommit, resolveRemoteCommit } from './resolve-remote-commit.js';

/** Options of {@link createGitRemoteLoader}. */
export interface GitRemoteLoaderOptions {
  /**
   * Directory of the clone cache; one checkout per clone URL, commit and submodule setting
   * (and one per submodule URL and commit), kept across builds. A branch, tag or HEAD is
   * resolved to its current commit first (one `info/refs` request; `file://` read locally),
   * so a moved ref is fetched again, as kustomize's fresh clone would see it, and an unchanged
   * one transfers no pack. A full 40-hex commit id is served from the cache with no request.
   */
  cacheDir: string;
  /**
   * isomorphic-git's HTTP client (for proxies or custom agents, e.g. `isomorphic-git/http/node`);
   * by default one over Node's `fetch` whose requests abort on timeout or cancellation.
   */
  http?: HttpClient;
}

/**
 * The `RemoteLoader` of `@kustomate/kustomize-core` for Node: git repositories are fetched with isomorphic-git (a
 * shallow, single-ref fetch over https/http; `file://` read from the local repository) into a
 * clone cache, and http(s) files with `fetch`. ssh and `git://` URLs are refused with an
 * `UnsupportedProtocol` error. Submodules are fetched recursively unless the URL says
 * `?submodules=false` (`.gitmodules` URLs relative to the repository's; each submodule commit
 * cached once). Each fetch honours the URL's `timeout` (`timeoutMs`, for the whole fetch,
 * submodules included) and the caller's `signal`.
 *
 * @example
 * ```ts
 * import { build } from '@kustomate/kustomize-core';
 * import { createNodeFs } from '@kustomate/vfs/node';
 * import { createGitRemoteLoader } from '@kustomate/git-source/node';
 *
 * const remote = createGitRemoteLoader({ cacheDir: '/tmp/kustomate/git' });
 * const result = await build({ fs: createNodeFs(), path: '/app', remote });
 * ```
 */
export function createGitRemoteLoader(options: GitRemoteLoaderOptions): RemoteLoader {
  const cache = new CloneCache(options.cacheDir);
  const { http } = options;
  return {
    async fetchRepo(spec, { signal }) {
      const { cloneUrl: url, ref, submodules } = spec;
      gitTransport(url); // refuses ssh and git:// before anything is fetched
      const dir = await withDeadline(
        async (deadline) => {
          const commit = await currentCommit(http, url, ref, deadline);
          return cache.get(
            url,
            commit ?? ref,
            async (tmp) => {
              const options = { http, cache, url, ref, dir: tmp, submodules, signal: deadline };
              const got = await checkoutRepo(options);
              // The ref moved between its resolution and the fetch: cache nothing under `commit`.
              if (commit !== undefined && got !== commit) {
                throw new GitSourceError(
                  'FetchFailed',
                  `cannot fetch '${url}': ref '${ref || 'HEAD'}' moved from ${commit} to ${got} during the fetch`,
                  { data: { url, ...(ref !== '' ? { ref } : {}) } },
                );
              }
            },
            submodules ? WITH_SUBMODULES : '',
          );
        },
        { signal, timeoutMs: spec.timeoutMs, url, ref },
      );
      return { fs: rooted(createNodeFs(), dir), root: dir };
    },
    fetchFile(url, { signal }) {
      return fetchHttpFile(url, signal);
    },
  };
}

/**
 * The commit `ref` (`''` for HEAD) of `url` points at now, which keys the clone cache: a full
 * commit id as is (no request), a `file://` ref read from the local repository, others from
 * the server's advertised refs. `undefined` when the ref cannot be resolved so (an unknown or
 * abbreviated ref): the checkout, keyed by the ref as given, then reports or resolves it.
 */
async function currentCommit(
  http: HttpClient | undefined,
  url: string,
  ref: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  if (isFullSha(ref)) return ref.toLowerCase();
  if (gitTransport(url) === 'file') {
    try {
      return await resolveLocalCommit(localGitdir(url), ref);
    } catch {
      return undefined;
    }
  }
  const inner = http ?? createFetchHttpClient(signal);
  const guarded: HttpClient = {
    request: (request) => {
      signal.throwIfAborted();
      return inner.request(request);
    },
  };
  try {
    return (await resolveRemoteCommit(guarded, url, ref))?.commit;
  } catch (e) {
    signal.throwIfAborted();
    throw e;
  }
}
