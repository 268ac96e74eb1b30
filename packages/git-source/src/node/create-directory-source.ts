import { createNodeFs } from '@kustomate/vfs/node';
import { createFileSystemSource, type FolderSourceSpec } from '../file-system-source.js';
import type { SourceProvider } from '../source-provider.js';

/**
 * A {@link SourceProvider} over local folders (`spec.path` absolute): the folder's files minus
 * ignored paths, as an in-memory artifact (see `createFileSystemSource`).
 *
 * @example
 * ```ts
 * const artifact = await createDirectorySource().fetch({ path: '/srv/config' }, {});
 * console.log(artifact.digest);
 * ```
 */
export function createDirectorySource(): SourceProvider<FolderSourceSpec> {
  return createFileSystemSource(createNodeFs());
}
