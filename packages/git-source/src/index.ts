export {
  GitSourceError,
  type GitSourceErrorCode,
  type GitSourceErrorData,
} from './git-source-error.js';
export { gitTransport, SUPPORTED_GIT_URLS, type GitTransport } from './git-transport.js';
export {
  DEFAULT_BRANCH,
  formatRevision,
  selectRef,
  type GitRepositoryRef,
  type RefSelection,
} from './git-repository-ref.js';
export { selectSemverTag, type TagCandidate } from './select-semver-tag.js';
export { resolveServerRef, type AdvertisedRef, type ResolvedRef } from './resolve-server-ref.js';
export { authHeaders, secretValue, type SecretLike } from './secret-auth.js';
export {
  createSourceIgnore,
  DEFAULT_IGNORE_PATTERNS,
  SOURCE_IGNORE_FILE,
  VCS_PATTERNS,
  type ScopedPatterns,
} from './source-ignore.js';
export { writeTar, type TarEntry } from './tar/write-tar.js';
export { archiveEntries, ARCHIVE_MODES, type ArchiveFile } from './archive-entries.js';
export type { Artifact, SourceProvider } from './source-provider.js';
export { createFileSystemSource, type FolderSourceSpec } from './file-system-source.js';
