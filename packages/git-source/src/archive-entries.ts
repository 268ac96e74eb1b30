import type { TarEntry } from './tar/write-tar.js';

/** A file to archive: `/`-separated path, executable bit, content. */
export interface ArchiveFile {
  path: string;
  executable: boolean;
  content: Uint8Array;
}

/** Modes of source-controller's normalised archive headers. */
export const ARCHIVE_MODES = { dir: 0o750, file: 0o600, executable: 0o700 } as const;

/**
 * The tar entries of an artifact: files not `excluded`, with their parent directories, in the
 * order of a directory walk (each directory's names sorted) and with
 * {@link ARCHIVE_MODES}, so the archive depends only on the content.
 *
 * @example
 * ```ts
 * archiveEntries([{ path: 'a/b.yaml', executable: false, content: new Uint8Array() }]);
 * // [{ path: 'a', type: 'dir', mode: 0o750 }, { path: 'a/b.yaml', type: 'file', mode: 0o600, … }]
 * ```
 */
export function archiveEntries(
  files: readonly ArchiveFile[],
  excluded: (path: string, isDir: boolean) => boolean = () => false,
): TarEntry[] {
  const entries = new Map<string, TarEntry>();
  for (const file of files) {
    if (excluded(file.path, false)) continue;
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!entries.has(dir)) entries.set(dir, { path: dir, type: 'dir', mode: ARCHIVE_MODES.dir });
    }
    entries.set(file.path, {
      path: file.path,
      type: 'file',
      mode: file.executable ? ARCHIVE_MODES.executable : ARCHIVE_MODES.file,
      content: file.content,
    });
  }
  return [...entries.values()].sort((a, b) => compareWalkOrder(a.path, b.path));
}

function compareWalkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] ?? '';
    const q = y[i] ?? '';
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
