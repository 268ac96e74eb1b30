import {
  createMemoryFs,
  isWithin,
  joinPath,
  relativePath,
  type FileSystem,
  type MemoryFiles,
} from '@kustomate/vfs';
import { KustomizeError } from '../../src/errors.js';
import type { KustomizationLoader } from '../../src/target/loader.js';

/**
 * A tiny {@link KustomizationLoader} over a {@link FileSystem} for generator tests:
 * root-only restriction, kustomize-like messages for missing files and directories.
 */
export function createFsLoader(
  fs: FileSystem,
  root: string,
  buildRoot = root,
): KustomizationLoader {
  return {
    root,
    displayRoot: relativePath(buildRoot, root),
    resolve: (path) => joinPath(root, path),
    readFile(path) {
      const abs = joinPath(root, path);
      const st = fs.stat(abs);
      if (!st) {
        throw new KustomizeError(
          'MissingFile',
          `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`,
        );
      }
      if (st.isDirectory)
        throw new KustomizeError('MissingFile', `'${abs}' must resolve to a file`);
      if (!isWithin(root, abs)) {
        throw new KustomizeError(
          'LoadRestriction',
          `security; file '${abs}' is not in or below '${root}'`,
        );
      }
      return fs.readFile(abs);
    },
    readText(path) {
      return new TextDecoder().decode(this.readFile(path));
    },
  };
}

/** {@link createFsLoader} over a fresh memory file system holding `files`. */
export function createMemoryLoader(
  files: MemoryFiles,
  root = '/app',
  buildRoot = root,
): KustomizationLoader {
  return createFsLoader(createMemoryFs(files), root, buildRoot);
}

/** Bytes of a binary string (each char code 0–255 one byte). */
export function bytes(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
