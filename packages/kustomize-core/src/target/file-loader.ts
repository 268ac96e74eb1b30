import { isWithin, joinPath, relativePath, VfsError, type FileSystem } from '@kustomate/vfs';
import { KustomizeError } from '../errors.js';
import type { KustomizationLoader, LoadRestrictor } from './loader.js';

const decoder = new TextDecoder('utf-8');

/**
 * kustomize's file loader (`api/internal/loader/fileloader.go`) over a {@link FileSystem}: one
 * instance per kustomization root, with the load restrictor and the chain of visited roots
 * used to detect cycles.
 */
export class FileLoader implements KustomizationLoader {
  readonly root: string;
  readonly displayRoot: string;

  constructor(
    readonly fs: FileSystem,
    root: string,
    readonly restrictor: LoadRestrictor,
    /** The build's top directory; messages show paths relative to it. */
    readonly buildRoot: string,
    private readonly referrer?: FileLoader,
  ) {
    this.root = root;
    this.displayRoot = this.display(root);
  }

  /** A path as shown in messages and origins: relative to the build root when below it. */
  display(path: string): string {
    return isWithin(this.buildRoot, path) ? relativePath(this.buildRoot, path) : path;
  }

  /**
   * A path as shown in error messages: always relative to the build root, with `../` steps
   * when it lies outside (kustomize prints absolute paths; ours stay independent of where the
   * build runs).
   */
  shown(path: string): string {
    return relativePath(this.buildRoot, path);
  }

  /** {@link root} as shown in error messages (see {@link shown}). */
  get shownRoot(): string {
    return this.shown(this.root);
  }

  resolve(path: string): string {
    return joinPath(this.root, path);
  }

  readFile(path: string): Uint8Array {
    const abs = this.resolve(path);
    const st = this.fs.stat(abs);
    if (!st) {
      throw new KustomizeError('MissingFile', `file not found: ${this.shown(abs)}`, {
        location: { file: this.shown(abs) },
      });
    }
    if (st.isDirectory) {
      throw new KustomizeError('MissingFile', `'${this.shown(abs)}' must resolve to a file`, {
        location: { file: this.shown(abs) },
      });
    }
    if (this.restrictor === 'LoadRestrictionsRootOnly') {
      const real = this.fs.realPath(abs);
      if (!isWithin(this.fs.realPath(this.root), real)) {
        throw new KustomizeError(
          'LoadRestriction',
          `security; file '${this.shown(abs)}' is not in or below '${this.shownRoot}' (use --load-restrictor LoadRestrictionsNone to allow it)`,
          { location: { file: this.shown(abs) } },
        );
      }
    }
    try {
      return this.fs.readFile(abs);
    } catch (e) {
      if (e instanceof VfsError) {
        throw new KustomizeError('MissingFile', `cannot read ${this.shown(abs)}: ${e.message}`, {
          location: { file: this.shown(abs) },
          cause: e,
        });
      }
      throw e;
    }
  }

  readText(path: string): string {
    return decoder.decode(this.readFile(path));
  }

  /** True when `path` names an existing regular file. */
  isFile(path: string): boolean {
    return this.fs.stat(this.resolve(path))?.isFile === true;
  }

  /** This loader and its referrers, innermost first. */
  private *chain(): Generator<FileLoader> {
    yield this;
    if (this.referrer) yield* this.referrer.chain();
  }

  /**
   * A loader for a base or component directory (kustomize `Loader.New`): the directory must
   * exist, and must not equal or contain any root already on the chain (a cycle).
   */
  child(path: string): FileLoader {
    const abs = this.resolve(path);
    const st = this.fs.stat(abs);
    if (!st) {
      throw new KustomizeError('MissingFile', `'${this.shown(abs)}' does not exist`, {
        location: { file: this.shown(abs) },
      });
    }
    if (!st.isDirectory) {
      throw new KustomizeError(
        'MissingFile',
        `must build at directory: '${this.shown(abs)}': file is not directory`,
        { location: { file: this.shown(abs) } },
      );
    }
    const real = this.fs.realPath(abs);
    for (const l of this.chain()) {
      if (isWithin(real, this.fs.realPath(l.root))) {
        throw new KustomizeError(
          'Cycle',
          `cycle detected: candidate root '${this.shown(abs)}' contains visited root '${l.shownRoot}'`,
          { location: { file: this.shown(abs) } },
        );
      }
    }
    return new FileLoader(this.fs, abs, this.restrictor, this.buildRoot, this);
  }
}
