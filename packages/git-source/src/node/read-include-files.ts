import * as fs from 'node:fs';
import { join } from 'node:path';
import type { ArchiveFile } from '../archive-entries.js';
import { GitSourceError } from '../git-source-error.js';

/** A GitRepository `spec.include` entry, with the included artifact already fetched. */
export interface GitRepositoryInclude {
  /** The included artifact's tree (e.g. `dir` of another {@link fetchGitRepository} result). */
  dir: string;
  /** Folder of the included tree to copy; default its root. */
  fromPath?: string | undefined;
  /** Where the files land in this artifact (Flux's default is the included repository's name). */
  toPath: string;
}

/**
 * The regular files of `include.dir/fromPath`, re-rooted under `toPath`, as source-controller
 * copies included artifacts into the checkout before archiving (they override files there).
 * A missing `fromPath` is an `IncludeUnavailable` error.
 */
export function readIncludeFiles(include: GitRepositoryInclude): ArchiveFile[] {
  const trim = (p: string) => p.replace(/^\.?\/+|\/+$/g, '');
  const from = join(include.dir, trim(include.fromPath ?? ''));
  if (!fs.existsSync(from) || !fs.statSync(from).isDirectory()) {
    throw new GitSourceError(
      'IncludeUnavailable',
      `included path '${include.fromPath ?? '.'}' is not a directory of the included artifact`,
    );
  }
  const to = trim(include.toPath);
  const out: ArchiveFile[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(join(from, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const abs = join(from, path);
        out.push({
          path: to ? `${to}/${path}` : path,
          executable: (fs.statSync(abs).mode & 0o100) !== 0,
          content: fs.readFileSync(abs),
        });
      }
    }
  };
  walk('');
  return out;
}
