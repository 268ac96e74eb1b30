import { Volume } from 'memfs';
import type { FileStat, FileSystem } from './file-system.js';
import { VfsError } from './vfs-error.js';
import { dirname, normalizePath } from './posix-path.js';

/** Initial content of a memory file system: absolute (or `/`-relative) path → file text/bytes. */
export type MemoryFiles = Record<string, string | Uint8Array>;

/** A {@link FileSystem} with its memfs volume, for tests that want to inspect or add files. */
export interface MemoryFileSystem extends FileSystem {
  /** The underlying memfs volume. */
  readonly volume: InstanceType<typeof Volume>;
}

/**
 * Creates an in-memory {@link FileSystem} backed by memfs.
 *
 * @example
 * ```ts
 * const fs = createMemoryFs({ '/app/kustomization.yaml': 'resources: [cm.yaml]\n' });
 * ```
 */
export function createMemoryFs(files: MemoryFiles = {}): MemoryFileSystem {
  const volume = new Volume();
  const fs: MemoryFileSystem = {
    volume,
    readFile(path) {
      const p = normalizePath(path);
      const st = fs.stat(p);
      if (!st) throw new VfsError('NotFound', `no such file: ${p}`, { location: { file: p } });
      if (st.isDirectory)
        throw new VfsError('IsADirectory', `is a directory: ${p}`, { location: { file: p } });
      const buf = volume.readFileSync(p) as Uint8Array;
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    },
    readDir(path) {
      const p = normalizePath(path);
      const st = fs.stat(p);
      if (!st) throw new VfsError('NotFound', `no such directory: ${p}`, { location: { file: p } });
      if (!st.isDirectory)
        throw new VfsError('NotADirectory', `not a directory: ${p}`, { location: { file: p } });
      return (volume.readdirSync(p) as string[]).map(String).sort();
    },
    stat(path) {
      try {
        const st = volume.statSync(normalizePath(path));
        return { isFile: st.isFile(), isDirectory: st.isDirectory() } satisfies FileStat;
      } catch {
        return undefined;
      }
    },
    realPath(path) {
      const p = normalizePath(path);
      try {
        return String(volume.realpathSync(p));
      } catch {
        return p;
      }
    },
    writeFile(path, data) {
      const p = normalizePath(path);
      volume.mkdirSync(dirname(p), { recursive: true });
      volume.writeFileSync(p, data);
    },
  };
  for (const [path, content] of Object.entries(files)) {
    fs.writeFile(path.startsWith('/') ? path : `/${path}`, content);
  }
  return fs;
}
