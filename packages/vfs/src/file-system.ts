/** What a path names, as far as a build cares. */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
}

/**
 * The file-system port that build and planning code reads through. Paths are absolute and
 * POSIX-style (`/`-separated). Calls are synchronous, like kustomize's own `filesys`, so a
 * build stays a pure computation over an in-memory tree.
 *
 * Errors are {@link VfsError}s with code `NotFound`, `NotADirectory`, `IsADirectory` or
 * `OutsideRoot`.
 */
export interface FileSystem {
  /** The bytes of a file. */
  readFile(path: string): Uint8Array;
  /** The entry names of a directory, sorted bytewise. */
  readDir(path: string): string[];
  /** What `path` names, or `undefined` when nothing exists there. Follows symlinks. */
  stat(path: string): FileStat | undefined;
  /** The canonical absolute path with symlinks resolved. */
  realPath(path: string): string;
  /** Writes a file, creating parent directories. */
  writeFile(path: string, data: Uint8Array | string): void;
}
