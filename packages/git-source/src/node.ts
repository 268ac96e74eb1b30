export {
  createGitRemoteLoader,
  type GitRemoteLoaderOptions,
} from './node/create-git-remote-loader.js';
