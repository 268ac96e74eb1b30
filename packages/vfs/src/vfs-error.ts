import { KustomateError } from '@kustomate/resource';

/** Codes of {@link VfsError}. */
export type VfsErrorCode = 'NotFound' | 'NotADirectory' | 'IsADirectory' | 'OutsideRoot';

/** An error from a {@link FileSystem}; `location.file` names the path at fault. */
export class VfsError extends KustomateError<VfsErrorCode> {}
