export {
  GitSourceError,
  type GitSourceErrorCode,
  type GitSourceErrorData,
} from './git-source-error.js';
export { gitTransport, SUPPORTED_GIT_URLS, type GitTransport } from './git-transport.js';
