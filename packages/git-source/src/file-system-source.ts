import { createMemoryFs, type FileSystem, type MemoryFiles } from '@kustomate/vfs';
import { archiveEntries, type ArchiveFile } from './archive-entries.js';
import { createSourceIgnore, SOURCE_IGNORE_FILE } from './source-ignore.js';
import type { SourceProvider } from './source-provider.js';
import { writeTar } from './tar/write-tar.js';

/** Spec of a folder source: an absolute folder and optional `spec.ignore` text. */
export interface FolderSourceSpec {
  path: string;
  ignore?: string | undefined;
}

/**
 * A {@link SourceProvider} over folders of a {@link FileSystem}: the folder's files minus
 * ignored paths (the GitRepository rules: `.sourceignore` files, `ignore`, Flux's defaults),
 * copied into a fresh in-memory tree at `/`. The digest is `sha256:` of the normalised tar
 * (uncompressed, so it needs no zlib), and the revision equals it, as for Flux Buckets.
 *
 * @example
 * ```ts
 * import { createMemoryFs } from '@kustomate/vfs';
 *
 * const source = createFileSystemSource(createMemoryFs({ '/repo/app/cm.yaml': 'a: 1\n' }));
 * const artifact = await source.fetch({ path: '/repo' }, {});
 * artifact.fs.readFile('/app/cm.yaml');
 * ```
 */
export function createFileSystemSource(fs: FileSystem): SourceProvider<FolderSourceSpec> {
  return {
    async fetch(spec, { signal }) {
      signal?.throwIfAborted();
      const root = spec.path.replace(/\/+$/, '') || '/';
      const files = listFiles(fs, root, '');
      const ignoreFiles = files
        .filter((f) => f.path === SOURCE_IGNORE_FILE || f.path.endsWith(`/${SOURCE_IGNORE_FILE}`))
        .map((f) => ({
          dir: f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '',
          text: new TextDecoder().decode(f.content),
        }));
      const entries = archiveEntries(
        files,
        createSourceIgnore({ files: ignoreFiles, ignore: spec.ignore }),
      );
      const tar = writeTar(entries);
      const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', tar));
      const digest = `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
      const copy: MemoryFiles = {};
      for (const entry of entries) {
        if (entry.type === 'file') copy[`/${entry.path}`] = entry.content ?? new Uint8Array();
      }
      return {
        url: `file://${root}`,
        revision: digest,
        digest,
        fs: createMemoryFs(copy),
        root: '/',
      };
    },
  };
}

function listFiles(fs: FileSystem, root: string, prefix: string): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const dir = prefix ? `${root === '/' ? '' : root}/${prefix}` : root;
  for (const name of fs.readDir(dir)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const abs = `${root === '/' ? '' : root}/${rel}`;
    const stat = fs.stat(abs);
    if (stat?.isDirectory) out.push(...listFiles(fs, root, rel));
    else if (stat?.isFile) out.push({ path: rel, executable: false, content: fs.readFile(abs) });
  }
  return out;
}
