import type { FileSystem } from '@kustomate/vfs';

/**
 * A fetched source, as source-controller's Artifact: where it came from, its revision, the
 * `sha256:<hex>` digest of its normalised archive, and its filtered tree readable at `root`
 * of `fs`.
 */
export interface Artifact {
  url: string;
  revision: string;
  digest: string;
  fs: FileSystem;
  root: string;
}

/**
 * The source port: turns a source spec into an {@link Artifact}. Implementations: the Git
 * source (`createGitRepositorySource`, Node), `createDirectorySource` (Node) and
 * {@link createFileSystemSource} (pure, e.g. over `createMemoryFs()`).
 *
 * @example
 * ```ts
 * async function load(source: SourceProvider<{ path: string }>) {
 *   const artifact = await source.fetch({ path: '/repo' }, {});
 *   return artifact.fs.readFile(`${artifact.root}/kustomization.yaml`);
 * }
 * ```
 */
export interface SourceProvider<Spec> {
  fetch(spec: Spec, options: { signal?: AbortSignal | undefined }): Promise<Artifact>;
}
