import * as fs from 'node:fs';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { GitSourceError } from '../git-source-error.js';
import { resolveLocalCommit } from './resolve-remote-commit.js';

/** Where a checkout's objects are, and the commit it checked out. */
export interface CheckedOut {
  /** The git directory holding the commit's objects (in `dir`, or the local repository). */
  gitdir: string;
  /** The commit checked out (tags peeled). */
  commit: string;
}

/**
 * Checks out `ref` of a repository on this machine (`file://` URLs) into `dir`, reading the
 * repository with isomorphic-git (bare or not) and never writing to it. Submodule entries
 * (gitlinks) are left as empty directories, as `git checkout` leaves them.
 */
export async function localCheckout(options: {
  url: string;
  ref: string;
  dir: string;
  signal: AbortSignal;
}): Promise<CheckedOut> {
  const { url, ref, dir, signal } = options;
  const gitdir = localGitdir(url);
  const data = { url, ...(ref !== '' ? { ref } : {}) };
  if (!fs.existsSync(join(gitdir, 'HEAD'))) {
    throw new GitSourceError('FetchFailed', `cannot fetch '${url}': not a git repository`, {
      data,
    });
  }
  let commit: string;
  try {
    commit = await resolveLocalCommit(gitdir, ref);
  } catch (e) {
    throw new GitSourceError(
      'RefNotFound',
      `cannot fetch ref '${ref || 'HEAD'}' of '${url}': ${(e as Error).message}`,
      { data, cause: e },
    );
  }
  fs.mkdirSync(dir, { recursive: true });
  await git.walk({
    fs,
    gitdir,
    trees: [git.TREE({ ref: commit })],
    map: async (filepath, [entry]) => {
      signal.throwIfAborted();
      if (!entry || filepath === '.') return true;
      const type = await entry.type();
      const target = join(dir, filepath);
      if (type === 'tree') {
        fs.mkdirSync(target, { recursive: true });
        return true;
      }
      if (type === 'commit') fs.mkdirSync(target, { recursive: true });
      if (type !== 'blob') return null;
      const content = (await entry.content()) ?? new Uint8Array();
      if ((await entry.mode()) === 0o120000) {
        fs.symlinkSync(new TextDecoder().decode(content), target);
      } else {
        fs.writeFileSync(target, content);
      }
      return null;
    },
  });
  return { gitdir, commit };
}

/** The git directory of a `file://` repository (`<path>/.git`, or `<path>` when bare). */
export function localGitdir(url: string): string {
  const path = decodeURIComponent(url.slice('file://'.length));
  const dotGit = join(path, '.git');
  return fs.existsSync(dotGit) ? dotGit : path;
}
