import type { FileSystem } from '@kustomate/vfs';
import type { RemoteSpec } from './parse-remote-spec.js';

/** A fetched repository: a file system and the directory in it that holds the checkout. */
export interface FetchedRepo {
  /** Files of the checkout (read-only use). */
  fs: FileSystem;
  /** Absolute path of the repository's top directory in {@link fs}. */
  root: string;
}

/** Options of every {@link RemoteLoader} call. */
export interface RemoteFetchOptions {
  /** Cancels the fetch; the build passes its own signal. */
  signal?: AbortSignal;
}

/**
 * The port through which a build reaches remote `resources` and `components` (the build itself
 * never does I/O). `@kustomate/git-source/node` provides `createGitRemoteLoader()`; tests can
 * implement it over memory file systems (`createMemoryRemoteLoader()`), and every
 * implementation should pass the shared suite of `@kustomate/git-source/conformance`.
 *
 * Contract: `fetchRepo` resolves with a checkout of `spec.ref` (the remote's HEAD when `''`) of
 * `spec.cloneUrl` — with its submodules unless `spec.submodules` is false, where the
 * implementation fetches submodules at all — honouring `spec.timeoutMs`, and rejects when it
 * cannot (unsupported protocol, unknown ref, network failure). `fetchFile` resolves with the body of a successful
 * (2xx) `GET` of an `http(s)` URL and rejects otherwise; an error with a numeric `status`
 * property reports the HTTP status.
 *
 * @example
 * ```ts
 * const remote: RemoteLoader = {
 *   async fetchRepo(spec) {
 *     return { fs: createMemoryFs({ '/repo/base/kustomization.yaml': 'resources: [cm.yaml]\n' }), root: '/repo' };
 *   },
 *   async fetchFile(url) {
 *     throw Object.assign(new Error(`404 for ${url}`), { status: 404 });
 *   },
 * };
 * await build({ fs, path: '/app', remote });
 * ```
 */
export interface RemoteLoader {
  fetchRepo(spec: RemoteSpec, options: RemoteFetchOptions): Promise<FetchedRepo>;
  fetchFile(url: string, options: RemoteFetchOptions): Promise<Uint8Array>;
}
