import { rooted } from '@kustomate/vfs';
import { createNodeFs } from '@kustomate/vfs/node';
import type { SourceProvider } from '../source-provider.js';
import { fetchGitRepository, type FetchGitRepositoryOptions } from './fetch-git-repository.js';

/** Spec of {@link createGitRepositorySource}: a GitRepository spec without `workDir`/`signal`. */
export type GitRepositorySourceSpec = Omit<FetchGitRepositoryOptions, 'workDir' | 'signal'>;

/**
 * The Git {@link SourceProvider}: {@link fetchGitRepository} into `workDir`, the artifact's
 * tree readable through a `FileSystem` rooted at its directory.
 *
 * @example
 * ```ts
 * const git = createGitRepositorySource({ workDir: '/tmp/kustomate/sources' });
 * const artifact = await git.fetch({ url: 'https://github.com/org/repo', ref: { tag: 'v1' } }, {});
 * ```
 */
export function createGitRepositorySource(options: {
  workDir: string;
}): SourceProvider<GitRepositorySourceSpec> {
  return {
    async fetch(spec, { signal }) {
      const artifact = await fetchGitRepository({ ...spec, workDir: options.workDir, signal });
      const fs = rooted(createNodeFs(), artifact.dir);
      return {
        url: artifact.url,
        revision: artifact.revision,
        digest: artifact.digest,
        fs,
        root: artifact.dir,
      };
    },
  };
}
