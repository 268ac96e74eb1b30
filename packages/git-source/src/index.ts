export {
  GitSourceError,
  type GitSourceErrorCode,
  type GitSourceErrorData,
} from './git-source-error.js';
export { gitTransport, SUPPORTED_GIT_URLS, type GitTransport } from './git-transport.js';
export type {
  GitRemoteLoader,
  RemoteRepoRequest,
  FetchedTree,
  FetchOptions,
} from './remote-types.js';
