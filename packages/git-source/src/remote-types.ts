import type { FileSystem } from '@kustomate/vfs';

/**
 * What {@link GitRemoteLoader.fetchRepo} needs of a parsed git URL; structurally the
 * `RemoteSpec` of `@kustomate/kustomize-core`.
 */
export interface RemoteRepoRequest {
  /** The URL to fetch from (`host + repoPath`). */
  cloneUrl: string;
  /** Branch, tag or full commit id; `''` for the remote's HEAD. */
  ref: string;
  /** Milliseconds allowed for the fetch. */
  timeoutMs: number;
  /** Whether submodules were asked for (isomorphic-git cannot fetch them; they are skipped). */
  submodules?: boolean;
}

/** A checked-out tree. */
export interface FetchedTree {
  fs: FileSystem;
  /** Absolute path of the checkout's top directory in {@link fs}. */
  root: string;
}

/** Options of every fetch. */
export interface FetchOptions {
  signal?: AbortSignal;
}

/**
 * A remote loader for kustomize remote resources; satisfies `RemoteLoader` of
 * `@kustomate/kustomize-core`.
 */
export interface GitRemoteLoader {
  fetchRepo(spec: RemoteRepoRequest, options: FetchOptions): Promise<FetchedTree>;
  fetchFile(url: string, options: FetchOptions): Promise<Uint8Array>;
}
