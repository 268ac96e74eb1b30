import type { FileSystem } from './file-system.js';
import { VfsError } from './vfs-error.js';
import { isWithin, normalizePath } from './posix-path.js';

/**
 * Confines a {@link FileSystem} to a root directory: any path that is, or resolves through a
 * symlink to, something outside `root` fails with a `VfsError` of code `OutsideRoot`.
 *
 * @example
 * ```ts
 * const safe = rooted(createNodeFs(), '/srv/repo');
 * safe.readFile('/etc/passwd'); // throws VfsError { code: 'OutsideRoot' }
 * ```
 */
export function rooted(inner: FileSystem, root: string): FileSystem {
  const realRoot = inner.realPath(normalizePath(root));
  const guard = (path: string): string => {
    const p = normalizePath(path);
    const real = inner.stat(p) ? inner.realPath(p) : p;
    if (!isWithin(realRoot, real) && !isWithin(normalizePath(root), p)) {
      throw new VfsError('OutsideRoot', `path ${p} is outside the root ${realRoot}`, {
        location: { file: p },
      });
    }
    if (!isWithin(realRoot, real)) {
      throw new VfsError(
        'OutsideRoot',
        `path ${p} resolves to ${real}, outside the root ${realRoot}`,
        {
          location: { file: p },
        },
      );
    }
    return p;
  };
  return {
    readFile: (path) => inner.readFile(guard(path)),
    readDir: (path) => inner.readDir(guard(path)),
    stat: (path) => {
      try {
        return inner.stat(guard(path));
      } catch (e) {
        if (e instanceof VfsError && e.code === 'OutsideRoot') return undefined;
        throw e;
      }
    },
    realPath: (path) => inner.realPath(guard(path)),
    writeFile: (path, data) => inner.writeFile(guard(path), data),
  };
}
