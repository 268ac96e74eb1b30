import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basename,
  createMemoryFs,
  dirname,
  isWithin,
  joinPath,
  normalizePath,
  relativePath,
  rooted,
  VfsError,
} from '../src/index.js';
import { createNodeFs } from '../src/node.js';

describe('posix paths', () => {
  it('normalises, joins and splits', () => {
    expect(normalizePath('/a/./b/../c/')).toBe('/a/c');
    expect(normalizePath('a/../../b')).toBe('../b');
    expect(joinPath('/a/b', '../c', 'd.yaml')).toBe('/a/c/d.yaml');
    expect(joinPath('/a', '/abs')).toBe('/abs');
    expect(dirname('/a/b/c.yaml')).toBe('/a/b');
    expect(dirname('/a')).toBe('/');
    expect(basename('/a/b/c.yaml')).toBe('c.yaml');
    expect(relativePath('/a/b', '/a/c/d')).toBe('../c/d');
    expect(relativePath('/a/b', '/a/b')).toBe('.');
  });

  it('isWithin compares whole segments', () => {
    expect(isWithin('/a/b', '/a/b/c')).toBe(true);
    expect(isWithin('/a/b', '/a/b')).toBe(true);
    expect(isWithin('/a/b', '/a/bc')).toBe(false);
    expect(isWithin('/', '/x')).toBe(true);
  });
});

describe('createMemoryFs', () => {
  it('reads, lists and stats files', () => {
    const fs = createMemoryFs({ '/app/b.yaml': 'b', 'app/a.yaml': new Uint8Array([0x61]) });
    expect(new TextDecoder().decode(fs.readFile('/app/a.yaml'))).toBe('a');
    expect(fs.readDir('/app')).toEqual(['a.yaml', 'b.yaml']);
    expect(fs.stat('/app')).toEqual({ isFile: false, isDirectory: true });
    expect(fs.stat('/nope')).toBeUndefined();
  });

  it('fails with typed errors', () => {
    const fs = createMemoryFs({ '/app/a.yaml': 'a' });
    expect(() => fs.readFile('/app/missing')).toThrowError(
      expect.objectContaining({ code: 'NotFound' }),
    );
    expect(() => fs.readFile('/app')).toThrowError(
      expect.objectContaining({ code: 'IsADirectory' }),
    );
    expect(() => fs.readDir('/app/a.yaml')).toThrowError(
      expect.objectContaining({ code: 'NotADirectory' }),
    );
  });
});

describe('rooted', () => {
  it('refuses paths outside the root', () => {
    const fs = rooted(createMemoryFs({ '/root/in.yaml': 'x', '/out.yaml': 'y' }), '/root');
    expect(fs.readFile('/root/in.yaml')).toBeInstanceOf(Uint8Array);
    let err: unknown;
    try {
      fs.readFile('/root/../out.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VfsError);
    expect((err as VfsError).code).toBe('OutsideRoot');
    expect((err as VfsError).location.file).toBe('/out.yaml');
    expect(fs.stat('/out.yaml')).toBeUndefined();
  });

  it('refuses symlinks that escape the root (Node fs)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kustomate-vfs-'));
    mkdirSync(join(dir, 'root'));
    writeFileSync(join(dir, 'secret.txt'), 's');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'root', 'link.txt'));
    const fs = rooted(createNodeFs(), join(dir, 'root'));
    expect(() => fs.readFile(join(dir, 'root', 'link.txt'))).toThrowError(
      expect.objectContaining({ code: 'OutsideRoot' }),
    );
  });
});

describe('createNodeFs', () => {
  it('maps Node errors to VfsError codes', () => {
    const fs = createNodeFs();
    expect(() => fs.readFile('/definitely/not/here')).toThrowError(
      expect.objectContaining({ code: 'NotFound' }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'kustomate-vfs-'));
    fs.writeFile(join(dir, 'a/b/c.txt'), 'hi');
    expect(fs.readDir(join(dir, 'a/b'))).toEqual(['c.txt']);
    expect(fs.stat(join(dir, 'a'))).toEqual({ isFile: false, isDirectory: true });
  });
});
