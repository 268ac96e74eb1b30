import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import type { RemoteLoader, RemoteSpec } from '../../src/index.js';

/** What a {@link createMemoryRemoteLoader} serves, and the calls it has answered. */
export interface MemoryRemote {
  loader: RemoteLoader;
  /** `fetchRepo` calls as `cloneUrl@ref`, `fetchFile` calls as the URL, in order. */
  calls: string[];
}

/**
 * The in-memory implementation of our own `RemoteLoader` port: repositories keyed by
 * `cloneUrl@ref` (files relative to the repository root), http files keyed by URL. Unknown
 * URLs fail like an HTTP 404 / an unknown repository.
 */
export function createMemoryRemoteLoader(
  repos: Record<string, MemoryFiles>,
  files: Record<string, string> = {},
): MemoryRemote {
  const calls: string[] = [];
  const loader: RemoteLoader = {
    async fetchRepo(spec: RemoteSpec, { signal }) {
      signal?.throwIfAborted();
      const key = `${spec.cloneUrl}@${spec.ref}`;
      calls.push(key);
      const tree = repos[key];
      if (!tree) throw new Error(`repository ${key} not found`);
      const fs = createMemoryFs(
        Object.fromEntries(Object.entries(tree).map(([p, c]) => [`/checkout/${p}`, c])),
      );
      fs.writeFile('/checkout/.git/HEAD', 'ref: refs/heads/main\n');
      return { fs, root: '/checkout' };
    },
    async fetchFile(url, { signal }) {
      signal?.throwIfAborted();
      calls.push(url);
      const text = files[url];
      if (text === undefined)
        throw Object.assign(new Error(`GET ${url}: 404 Not Found`), { status: 404 });
      return new TextEncoder().encode(text);
    },
  };
  return { loader, calls };
}
