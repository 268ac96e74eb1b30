// Expected objects and names below were produced by `kubectl kustomize` (v1.32.4, kustomize
// v5.5.0) on the same inputs.
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { computeNameHash, generateConfigMap } from '../../src/generators/index.js';
import { bytes, createMemoryLoader } from './memory-loader.js';

function errorOf(fn: () => unknown): KustomizeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('generateConfigMap', () => {
  it('builds the §9 ConfigMap from envs, literals and files (p-cm-7g9hddfgbd)', () => {
    const loader = createMemoryLoader({
      '/app/a.env': 'A=1\n  B = two \nC\nD="q"\n',
      '/app/file.txt': 'line1\nline2 <&>\n',
    });
    const res = generateConfigMap(
      {
        name: 'cm',
        envs: ['a.env'],
        literals: ['k1=v1', 'k2="quoted"', 'k3=yes'],
        files: ['file.txt', 'renamed=file.txt'],
      },
      loader,
    );
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm' },
      data: {
        A: '1',
        'B ': ' two ',
        C: '',
        D: '"q"',
        'file.txt': 'line1\nline2 <&>\n',
        k1: 'v1',
        k2: 'quoted',
        k3: 'yes',
        renamed: 'line1\nline2 <&>\n',
      },
    });
    expect(computeNameHash(res.object)).toBe('7g9hddfgbd');
    expect(res.needsHashSuffix).toBe(true);
    expect(res.behavior).toBe('unspecified');
    expect(res.origin).toEqual({
      configuredIn: 'kustomization.yaml',
      configuredBy: { apiVersion: 'builtin', kind: 'ConfigMapGenerator' },
    });
  });

  it('puts non-UTF-8 file contents into binaryData and sets immutable (c-95tt59fd24)', () => {
    const loader = createMemoryLoader({
      '/app/bin': bytes('\x00\xff\xfe\x80abc'),
      '/app/utf': bytes('h\xc3\xa9llo\n'),
    });
    const res = generateConfigMap(
      { name: 'c', files: ['bin', 'utf', 'k=bin'], options: { immutable: true } },
      loader,
    );
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      binaryData: { bin: 'AP/+gGFiYw==', k: 'AP/+gGFiYw==' },
      data: { utf: 'héllo\n' },
      immutable: true,
    });
    expect(computeNameHash(res.object)).toBe('95tt59fd24');
  });

  it('strips one pair of matching outer quotes from literals (cm-5hgh5h9284)', () => {
    const res = generateConfigMap(
      {
        name: 'cm',
        literals: ['a="', `b='x"`, "c=''", 'd="""', 'e=', 'f==x', 'g= "x" '],
      },
      createMemoryLoader({}),
    );
    expect(res.object.data).toEqual({
      a: '"',
      b: `'x"`,
      c: '',
      d: '"',
      e: '',
      f: '=x',
      g: ' "x" ',
    });
    expect(computeNameHash(res.object)).toBe('5hgh5h9284');
  });

  it('parses env files like kustomize (BOM, CRLF, white space, comments, empty keys) (cm-57bh6h2h8h)', () => {
    const env =
      '\xef\xbb\xbfA=1\r\n  \t B = two \r\n#c=1\n   # d=2\n\nC\nD="q"\nE=\nF=a=b\n' +
      '\xef\xbb\xbfG=bom2\n\xc2\xa0H=nbsp\n\xc2\x85I=nel\n\x0bJ=vt\nK=\t\nL\r\r\n=noKey\nM=x\r';
    const res = generateConfigMap(
      { name: 'cm', envs: ['a.env'] },
      createMemoryLoader({ '/app/a.env': bytes(env) }),
    );
    expect(res.object.data).toEqual({
      '\uFEFFG': 'bom2',
      A: '1',
      'B ': ' two ',
      C: '',
      D: '"q"',
      E: '',
      F: 'a=b',
      H: 'nbsp',
      I: 'nel',
      J: 'vt',
      K: '\t',
      'L\r': '',
      M: 'x',
    });
    expect(computeNameHash(res.object)).toBe('57bh6h2h8h');
  });

  it('stops reading an env file at the first line longer than 65535 bytes', () => {
    const gen = (env: string) =>
      generateConfigMap({ name: 'cm', envs: ['a.env'] }, createMemoryLoader({ '/app/a.env': env }))
        .object.data;
    expect(Object.keys(gen(`A=1\nB=${'x'.repeat(65533)}\nC=3\n`) as object)).toEqual([
      'A',
      'B',
      'C',
    ]);
    expect(Object.keys(gen(`A=1\nB=${'x'.repeat(65533)}\r\nC=3\n`) as object)).toEqual(['A']);
    expect(Object.keys(gen(`A=1\nB=${'x'.repeat(65534)}`) as object)).toEqual(['A']);
    expect(computeNameHash({ kind: 'ConfigMap', data: { A: '1' } })).toBe('89g4tffbfk');
  });

  it('appends the singular env after envs and orders sources envs, literals, files', () => {
    const loader = createMemoryLoader({ '/app/1.env': 'a=1', '/app/2.env': 'b=2', '/app/c': 'C' });
    const res = generateConfigMap(
      { name: 'cm', env: '2.env', envs: ['1.env'], literals: ['l=x'], files: ['c'] },
      loader,
    );
    expect(res.object.data).toEqual({ a: '1', b: '2', c: 'C', l: 'x' });
  });

  it('builds an empty ConfigMap without data (6ct58987ht)', () => {
    const res = generateConfigMap({ name: 'empty' }, createMemoryLoader({}));
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'empty' },
    });
    expect(computeNameHash(res.object)).toBe('6ct58987ht');
  });

  it('merges generatorOptions and sets namespace, labels, annotations, behavior', () => {
    const res = generateConfigMap(
      {
        name: 'cm',
        namespace: 'ns',
        behavior: 'merge',
        literals: ['k1=v1'],
        options: { labels: { a: 'local' }, disableNameSuffixHash: false },
      },
      createMemoryLoader({}, '/app/overlay', '/app'),
      {
        labels: { a: 'global', b: 'global' },
        annotations: { n: 'x' },
        disableNameSuffixHash: true,
      },
    );
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'cm',
        namespace: 'ns',
        labels: { a: 'local', b: 'global' },
        annotations: { n: 'x' },
      },
      data: { k1: 'v1' },
    });
    expect(res.needsHashSuffix).toBe(false);
    expect(res.behavior).toBe('merge');
    expect(res.origin?.configuredIn).toBe('overlay/kustomization.yaml');
  });

  it('treats unknown behaviors as unspecified', () => {
    const res = generateConfigMap({ name: 'cm', behavior: 'bogus' }, createMemoryLoader({}));
    expect(res.behavior).toBe('unspecified');
  });

  describe('errors (messages as kubectl kustomize prints them)', () => {
    const gen = (args: Parameters<typeof generateConfigMap>[0], files = {}) =>
      errorOf(() => generateConfigMap(args, createMemoryLoader(files)));

    it('requires a name', () => {
      const e = gen({ literals: ['a=1'] });
      expect(e.code).toBe('InvalidGenerator');
      expect(e.message).toBe('a configmap must have a name');
    });

    it('rejects repeated keys across sources', () => {
      expect(gen({ name: 'cm', literals: ['a=1', 'a=2'] }).message).toBe(
        'configmap cm illegally repeats the key `a`',
      );
      const e = gen(
        { name: 's', envs: ['e.env'], files: ['a'] },
        { '/app/e.env': 'a=1\n', '/app/a': 'x' },
      );
      expect(e.code).toBe('InvalidGenerator');
      expect(e.message).toBe('configmap s illegally repeats the key `a`');
    });

    it('rejects literals without a key or without =', () => {
      expect(gen({ name: 'cm', literals: ['=x'] }).message).toBe(
        'loading KV pairs: literal sources [=x]: invalid literal source =x, expected key=value',
      );
      expect(gen({ name: 'cm', literals: ['ok=1', 'x'] }).message).toBe(
        'loading KV pairs: literal sources [ok=1 x]: invalid literal source x, expected key=value',
      );
    });

    it('rejects malformed file sources', () => {
      const files = { '/app/a': 'A' };
      expect(gen({ name: 'cm', files: ['=a'] }, files).message).toBe(
        'loading KV pairs: file sources: [=a]: missing key name for file path "a" in source "=a"',
      );
      expect(gen({ name: 'cm', files: ['a='] }, files).message).toBe(
        'loading KV pairs: file sources: [a=]: missing file path for key name "a" in source "a="',
      );
      expect(gen({ name: 'cm', files: ['a=b=c'] }, files).message).toBe(
        `loading KV pairs: file sources: [a=b=c]: source "a=b=c" key name or file path contains '='`,
      );
      expect(gen({ name: 'cm', files: ['='] }, files).message).toBe(
        'loading KV pairs: file sources: [=]: missing key name for file path "" in source "="',
      );
    });

    it('wraps loader failures (missing file, directory) and keeps their code', () => {
      const files = { '/app/dir/f': 'B' };
      const missing = gen({ name: 'cm', files: ['k=missing'] }, files);
      expect(missing.code).toBe('MissingFile');
      expect(missing.message).toBe(
        "loading KV pairs: file sources: [k=missing]: evalsymlink failure on '/app/missing' : lstat /app/missing: no such file or directory",
      );
      expect(gen({ name: 'cm', files: ['dir'] }, files).message).toBe(
        "loading KV pairs: file sources: [dir]: '/app/dir' must resolve to a file",
      );
      expect(gen({ name: 'cm', envs: ['nope.env'] }, files).message).toMatch(
        /^loading KV pairs: env source files: \[nope\.env\]: evalsymlink failure/,
      );
    });

    it('rejects env lines with invalid UTF-8', () => {
      const e = gen({ name: 'cm', envs: ['a.env'] }, { '/app/a.env': bytes('A=1\nB=\xff\xfe\n') });
      expect(e.message).toBe(
        'loading KV pairs: env source files: [a.env]: line [66 61 255 254] has invalid utf8 bytes : B=\uFFFD\uFFFD',
      );
    });
  });

  it('keys file sources by path.Base and accepts ./ and trailing slashes', () => {
    const loader = createMemoryLoader({ '/app/a': 'A', '/app/sub/x.txt': 'X' });
    const res = generateConfigMap(
      { name: 'cm', files: ['./a', 'sub/x.txt', 'k=sub/../a'] },
      loader,
    );
    expect(res.object.data).toEqual({ a: 'A', k: 'A', 'x.txt': 'X' });
    expect(generateConfigMap({ name: 'cm', files: ['a/'] }, loader).object.data).toEqual({
      a: 'A',
    });
    expect(computeNameHash({ kind: 'ConfigMap', data: { a: 'A' } })).toBe('4b2h28m99d');
  });
});
