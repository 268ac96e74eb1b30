import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryFs } from '@kustomate/vfs';
import {
  createFileSystemSource,
  type FolderSourceSpec,
  type SourceProvider,
} from '../src/index.js';
import { createDirectorySource } from '../src/node.js';

const files: Record<string, string> = {
  'app/cm.yaml': 'a: 1\n',
  'app/.sourceignore': 'secret.yaml\n',
  'app/secret.yaml': 's\n',
  'logo.png': 'png',
  'README.md': 'r\n',
};

const temp = mkdtempSync(join(tmpdir(), 'kustomate-dirsource-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Each implementation with a folder holding `tree`. */
const implementations: [
  string,
  (tree: Record<string, string>) => { source: SourceProvider<FolderSourceSpec>; path: string },
][] = [
  [
    'memory',
    (tree) => {
      const fs = createMemoryFs(
        Object.fromEntries(Object.entries(tree).map(([p, t]) => [`/repo/${p}`, t])),
      );
      return { source: createFileSystemSource(fs), path: '/repo' };
    },
  ],
  [
    'directory',
    (tree) => {
      const root = mkdtempSync(join(temp, 'repo-'));
      for (const [p, t] of Object.entries(tree)) {
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), t);
      }
      return { source: createDirectorySource(), path: root };
    },
  ],
];

describe.each(implementations)('SourceProvider conformance: %s', (_, make) => {
  it('returns the filtered tree with a content digest as revision', async () => {
    const { source, path } = make(files);
    const artifact = await source.fetch({ path }, {});
    expect(artifact.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(artifact.revision).toBe(artifact.digest);
    // A .sourceignore exists, so Flux's default list (which excludes *.png) does not apply.
    expect(artifact.fs.readDir(artifact.root)).toEqual(['README.md', 'app', 'logo.png']);
    expect(artifact.fs.readDir(`${artifact.root}/app`)).toEqual(['.sourceignore', 'cm.yaml']);
    expect(new TextDecoder().decode(artifact.fs.readFile('/app/cm.yaml'))).toBe('a: 1\n');
  });

  it('gives the same digest for the same content, and applies spec.ignore', async () => {
    const a = await make(files).source.fetch({ path: make(files).path }, {});
    const first = make(files);
    const b = await first.source.fetch({ path: first.path }, {});
    expect(b.digest).toBe(a.digest);
    const c = await first.source.fetch({ path: first.path, ignore: '*.md\n' }, {});
    expect(c.digest).not.toBe(a.digest);
    expect(c.fs.readDir('/')).toEqual(['app', 'logo.png']);
  });

  it('honours an aborted signal', async () => {
    const { source, path } = make(files);
    await expect(source.fetch({ path }, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});

describe('memory and directory sources', () => {
  it('agree on the digest of the same tree', async () => {
    const [m, d] = implementations.map(([, make]) => make(files));
    const [a, b] = await Promise.all([
      m?.source.fetch({ path: m.path }, {}),
      d?.source.fetch({ path: d.path }, {}),
    ]);
    expect(a?.digest).toBe(b?.digest);
  });
});
