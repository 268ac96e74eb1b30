import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import type { RemoteLoader } from './remote-loader.js';

/** What {@link createMemoryRemoteLoader} serves. */
export interface MemoryRemoteContent {
  /** Repositories by clone URL, then by ref (`''` = HEAD); files relative to the repository. */
  repos?: Record<string, Record<string, MemoryFiles>>;
  /** http(s) files by URL; any other URL answers 404. */
  files?: Record<string, string | Uint8Array>;
}

/** A memory {@link RemoteLoader} and the fetches it has answered. */
export interface MemoryRemoteLoader extends RemoteLoader {
  /** Each call, in order: `repo <cloneUrl>@<ref>` or `file <url>`. */
  readonly calls: readonly string[];
}

/**
 * The in-memory implementation of the {@link RemoteLoader} port, for tests and embedding:
 * repositories and files come from plain objects. An unknown repository or ref rejects; an
 * unknown file rejects with `status: 404`.
 *
 * @example
 * ```ts
 * const remote = createMemoryRemoteLoader({
 *   repos: { 'https://github.com/org/repo': { v1: { 'base/kustomization.yaml': 'resources: [cm.yaml]\n', 'base/cm.yaml': cm } } },
 * });
 * await build({ fs, path: '/app', remote }); // resources: [github.com/org/repo//base?ref=v1]
 * remote.calls; // ['file …'?, 'repo https://github.com/org/repo@v1']
 * ```
 */
export function createMemoryRemoteLoader(content: MemoryRemoteContent = {}): MemoryRemoteLoader {
  const calls: string[] = [];
  return {
    calls,
    async fetchRepo(spec, { signal }) {
      signal?.throwIfAborted();
      calls.push(`repo ${spec.cloneUrl}@${spec.ref}`);
      const tree = content.repos?.[spec.cloneUrl]?.[spec.ref];
      if (!tree) {
        throw new Error(`no repository ${spec.cloneUrl} at ref '${spec.ref || 'HEAD'}'`);
      }
      const fs = createMemoryFs(
        Object.fromEntries(Object.entries(tree).map(([p, c]) => [`/repo/${p}`, c])),
      );
      if (!fs.stat('/repo')) fs.writeFile('/repo/.git/HEAD', 'ref: refs/heads/main\n');
      return { fs, root: '/repo' };
    },
    async fetchFile(url, { signal }) {
      signal?.throwIfAborted();
      calls.push(`file ${url}`);
      const body = content.files?.[url];
      if (body === undefined) {
        throw Object.assign(new Error(`GET ${url}: status code 404 (Not Found)`), { status: 404 });
      }
      return typeof body === 'string' ? new TextEncoder().encode(body) : body;
    },
  };
}
