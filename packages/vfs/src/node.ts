import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import type { FileSystem } from './file-system.js';
import { VfsError } from './vfs-error.js';

function wrap<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new VfsError('NotFound', `no such file or directory: ${path}`, {
        location: { file: path },
        cause: e,
      });
    if (code === 'ENOTDIR')
      throw new VfsError('NotADirectory', `not a directory: ${path}`, {
        location: { file: path },
        cause: e,
      });
    if (code === 'EISDIR')
      throw new VfsError('IsADirectory', `is a directory: ${path}`, {
        location: { file: path },
        cause: e,
      });
    throw e;
  }
}

/**
 * A {@link FileSystem} over Node's `fs`, for the CLI and other Node edges.
 * Relative paths resolve against the process's working directory.
 */
export function createNodeFs(): FileSystem {
  const abs = (p: string) => nodePath.resolve(p);
  return {
    readFile: (path) =>
      wrap(path, () => {
        const buf = nodeFs.readFileSync(abs(path));
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      }),
    readDir: (path) => wrap(path, () => nodeFs.readdirSync(abs(path)).sort()),
    stat: (path) => {
      try {
        const st = nodeFs.statSync(abs(path));
        return { isFile: st.isFile(), isDirectory: st.isDirectory() };
      } catch {
        return undefined;
      }
    },
    realPath: (path) => {
      try {
        return nodeFs.realpathSync(abs(path));
      } catch {
        return abs(path);
      }
    },
    writeFile: (path, data) =>
      wrap(path, () => {
        nodeFs.mkdirSync(nodePath.dirname(abs(path)), { recursive: true });
        nodeFs.writeFileSync(abs(path), data);
      }),
  };
}

export type { FileSystem } from './file-system.js';
