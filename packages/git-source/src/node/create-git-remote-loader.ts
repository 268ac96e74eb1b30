import type { HttpClient } from 'isomorphic-git';
import type { RemoteLoader } from '@kustomate/kustomize-core';
import { rooted } from '@kustomate/vfs';
import { createNodeFs } from '@kustomate/vfs/node';
import { gitTransport } from '../git-transport.js';
import { checkoutRepo, WITH_SUBMODULES } from './checkout-repo.js';
import { CloneCache } from './clone-cache.js';
import { withDeadline } from './deadline.js';
import { fetchHttpFile } from './fetch-file.js';

/** Options of {@link createGitRemoteLoader}. */
export interface GitRemoteLoaderOptions {
  /**
   * Directory of the clone cache; one checkout per clone URL, ref and submodule setting (and
   * one per submodule URL and commit), kept across builds and never refreshed (delete an
   * entry, or the directory, to fetch a moved branch again).
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
        (deadline) =>
          cache.get(
            url,
            ref,
            (tmp) =>
              checkoutRepo({ http, cache, url, ref, dir: tmp, submodules, signal: deadline }),
            submodules ? WITH_SUBMODULES : '',
          ),
        { signal, timeoutMs: spec.timeoutMs, url, ref },
      );
      return { fs: rooted(createNodeFs(), dir), root: dir };
    },
    fetchFile(url, { signal }) {
      return fetchHttpFile(url, signal);
    },
  };
}
