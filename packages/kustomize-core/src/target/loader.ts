/**
 * Kustomize's load restrictor: `RootOnly` confines file reads to the kustomization's own
 * directory tree (after resolving symlinks); `None` lifts the restriction.
 */
export type LoadRestrictor = 'LoadRestrictionsRootOnly' | 'LoadRestrictionsNone';

/**
 * Reads files on behalf of one kustomization directory (kustomize `ifc.Loader`). Paths are
 * relative to {@link root} (absolute paths are taken as they are).
 */
export interface KustomizationLoader {
  /** Absolute path of the kustomization directory. */
  readonly root: string;
  /** The kustomization file's path relative to the build root, for messages and origins. */
  readonly displayRoot: string;
  /** Resolves `path` against {@link root} (no restriction check). */
  resolve(path: string): string;
  /**
   * Reads a file, enforcing the load restrictor. Throws `KustomizeError` with code
   * `LoadRestriction` (outside the root) or `MissingFile`.
   */
  readFile(path: string): Uint8Array;
  /** {@link readFile} decoded as UTF-8. */
  readText(path: string): string;
}
