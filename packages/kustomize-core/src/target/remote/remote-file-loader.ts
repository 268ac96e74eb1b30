import { isWithin, type FileSystem } from '@kustomate/vfs';
import { KustomizeError } from '../../errors.js';
import { FileLoader } from '../file-loader.js';
import type { RemoteSpec } from './parse-remote-spec.js';

/**
 * A {@link FileLoader} inside a fetched repository (kustomize `newLoaderAtGitClone`): always
 * `RootOnly`, bases must stay inside the repository, and it remembers the remote URLs on its
 * chain for the cycle rule. Messages show paths relative to the repository root.
 */
export class RemoteFileLoader extends FileLoader {
  constructor(
    fs: FileSystem,
    root: string,
    /** The repository's top directory in `fs`. */
    readonly repoRoot: string,
    /** The repository this loader reads. */
    readonly spec: RemoteSpec,
    /** Raw URLs of every remote base on the chain, outermost first, this one last. */
    readonly visitedUrls: readonly string[],
    referrer?: FileLoader,
  ) {
    super(fs, root, 'LoadRestrictionsRootOnly', repoRoot, referrer);
  }

  /** A base or component directory, which must lie inside the repository. */
  override child(path: string): FileLoader {
    const dir = this.resolve(path);
    if (
      this.fs.stat(dir)?.isDirectory &&
      !isWithin(this.fs.realPath(this.repoRoot), this.fs.realPath(dir))
    ) {
      throw new KustomizeError(
        'LoadRestriction',
        `security; bases in kustomizations found in cloned git repos must be within the repo, but base '${this.shown(dir)}' is outside '${this.spec.cloneUrl}'`,
        { location: { file: this.shown(dir) }, data: { repo: this.spec.cloneUrl } },
      );
    }
    const root = super.child(path).root;
    return new RemoteFileLoader(this.fs, root, this.repoRoot, this.spec, this.visitedUrls, this);
  }
}

/** The remote URLs already on a loader's chain (none for a local loader). */
export function visitedRemoteUrls(loader: FileLoader): readonly string[] {
  return loader instanceof RemoteFileLoader ? loader.visitedUrls : [];
}
