import * as fs from 'node:fs';
import git from 'isomorphic-git';

/** A regular file of a commit's tree. */
export interface CommitFile {
  /** `/`-separated path from the repository root. */
  path: string;
  executable: boolean;
  content: Uint8Array;
}

/**
 * The regular files of `commit`, in tree order. Symlinks and submodules are dropped, as
 * source-controller's archive keeps regular files only.
 */
export async function readCommitFiles(
  gitdir: string,
  commit: string,
  signal: AbortSignal,
): Promise<CommitFile[]> {
  const files: CommitFile[] = [];
  await git.walk({
    fs,
    gitdir,
    trees: [git.TREE({ ref: commit })],
    map: async (path, [entry]) => {
      signal.throwIfAborted();
      if (!entry || path === '.') return true;
      const type = await entry.type();
      if (type === 'tree') return true;
      const mode = await entry.mode();
      if (type !== 'blob' || mode === 0o120000) return null;
      files.push({
        path,
        executable: mode === 0o100755,
        content: (await entry.content()) ?? new Uint8Array(),
      });
      return null;
    },
  });
  return files;
}
