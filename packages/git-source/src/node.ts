export {
  createGitRemoteLoader,
  type GitRemoteLoaderOptions,
} from './node/create-git-remote-loader.js';
export {
  DEFAULT_FETCH_TIMEOUT_MS,
  fetchGitRepository,
  type FetchGitRepositoryOptions,
  type GitRepositoryArtifact,
} from './node/fetch-git-repository.js';
export type { GitRepositoryInclude } from './node/read-include-files.js';
export { createDirectorySource } from './node/create-directory-source.js';
export {
  createGitRepositorySource,
  type GitRepositorySourceSpec,
} from './node/create-git-repository-source.js';
