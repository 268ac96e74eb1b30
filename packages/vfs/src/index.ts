export type { FileSystem, FileStat } from './file-system.js';
export { VfsError, type VfsErrorCode } from './vfs-error.js';
export { createMemoryFs, type MemoryFiles, type MemoryFileSystem } from './memory-fs.js';
export { rooted } from './rooted.js';
export {
  normalizePath,
  joinPath,
  dirname,
  basename,
  isWithin,
  relativePath,
} from './posix-path.js';
