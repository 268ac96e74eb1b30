import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KustomizeError } from '../../src/errors.js';
import {
  applyValueAdd,
  checkValueAddConfig,
  goBase,
  goCleanPath,
  insertPathPart,
  pathJoin,
  pathSplit,
  type ValueAddConfig,
} from '../../src/target/plugins/value-add.js';
import {
  buildObjects,
  corpusCasesDir,
  fixturesDir,
  objectsFromFile,
  objectsFromYaml,
  resMapOf,
  sorted,
} from './helpers.js';

const DEP = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: dep
spec:
  replicas: 3
  nul: null
  template:
    spec:
      containers:
      - name: c1
        image: nginx
        args: [x]
`;

function run(yaml: string, config: ValueAddConfig, dir = 'root'): YamlMap[] {
  const m = resMapOf(objectsFromYaml(yaml));
  applyValueAdd(m, config, dir);
  return m.resources.map((r) => r.object);
}

function errorOf(fn: () => unknown): KustomizeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error('no error thrown');
}

describe('insertPathPart (kyaml filesys.InsertPathPart)', () => {
  // The table of the upstream doc comment, plus cleaning cases checked against the oracle.
  it.each([
    ['', 0, ''],
    ['', 7, 'PEACH'],
    ['/', 0, '/PEACH'],
    ['/', 3, '/PEACH'],
    ['pie', 0, 'PEACH/pie'],
    ['pie', -1, 'PEACH/pie'],
    ['/pie', 0, '/PEACH/pie'],
    ['raw', 1, 'raw/PEACH'],
    ['raw', 9999, 'raw/PEACH'],
    ['/raw', 1, '/raw/PEACH'],
    ['a/nice/warm/pie', 3, 'a/nice/warm/PEACH/pie'],
    ['/a/nice/warm/pie', 3, '/a/nice/warm/PEACH/pie'],
    ['a//b/./c/../d/', 1, 'a/PEACH/b/d'],
    ['projects', 1, 'projects/PEACH'],
  ])('%j at %i', (path, pos, want) => {
    expect(insertPathPart(path, pos, want === '' ? '' : 'PEACH')).toBe(want);
  });

  it('leaves the path alone for an empty part', () => {
    expect(insertPathPart('a//b', 0, '')).toBe('a//b');
  });

  it('splits and joins like kyaml PathSplit/PathJoin', () => {
    expect(pathSplit('')).toEqual([]);
    expect(pathSplit('/')).toEqual(['']);
    expect(pathSplit('/a/b')).toEqual(['', 'a', 'b']);
    expect(pathSplit('a//b/')).toEqual(['a', '', 'b', '']);
    expect(pathJoin(['', 'a', 'b'])).toBe('/a/b');
    expect(pathJoin(['', ''])).toBe('/');
    expect(pathJoin([])).toBe('');
  });

  it('cleans and takes base names like Go', () => {
    expect(goCleanPath('a/../../b/./c//')).toBe('../b/c');
    expect(goCleanPath('/../a')).toBe('/a');
    expect(goCleanPath('')).toBe('.');
    expect(goBase('/x/dog-222/')).toBe('dog-222');
    expect(goBase('dog-222')).toBe('dog-222');
    expect(goBase('')).toBe('.');
    expect(goBase('//')).toBe('/');
  });
});

describe('ValueAddTransformer config', () => {
  it('trims the value and defaults it to the base name of the kustomization root', () => {
    const t = [{ fieldPath: 'a' }];
    expect(checkValueAddConfig({ value: '  v ', targets: t }, '/r/dir').value).toBe('v');
    expect(checkValueAddConfig({ value: '   ', targets: t }, '/r/dog-222').value).toBe('dog-222');
    expect(checkValueAddConfig({ targets: t }, 'cat-111').value).toBe('cat-111');
  });

  // Messages as kustomize prints them after `plugin ValueAddTransformer.builtin.[noGrp]/va.[noNs]
  // fails configuration: ` (oracle).
  it.each<[string, ValueAddConfig, string]>([
    ['no targets', { value: 'x' }, 'must specify at least one target'],
    ['empty targets', { targets: [] }, 'must specify at least one target'],
    [
      'empty fieldPath',
      { targets: [{ selector: { kind: 'Deployment' } }] },
      'fieldPath cannot be empty',
    ],
    [
      'negative position',
      { targets: [{ fieldPath: 'a', filePathPosition: -2 }] },
      'value of FilePathPosition (-2) cannot be negative',
    ],
  ])('rejects %s', (_name, config, message) => {
    const m = resMapOf(objectsFromYaml(DEP));
    const before = structuredClone(m.resources[0]?.object);
    const e = errorOf(() => applyValueAdd(m, config, 'root'));
    expect(e.message).toBe(message);
    expect(e.code).toBe('TransformerConfig');
    expect(m.resources[0]?.object).toEqual(before);
  });

  it('checks every target before changing anything', () => {
    const m = resMapOf(objectsFromYaml(DEP));
    expect(() =>
      applyValueAdd(m, { targets: [{ fieldPath: 'spec/a' }, { fieldPath: '' }] }, 'root'),
    ).toThrow('fieldPath cannot be empty');
    expect((m.resources[0]?.object.spec as YamlMap).a).toBeUndefined();
  });
});

describe('ValueAddTransformer against oracle goldens', () => {
  // Each fixture: res.yaml and config.yaml as given to `kubectl kustomize` (the config inline
  // under `transformers:` of a kustomization in a directory named like the fixture), and the
  // oracle's output.
  const dir = join(fixturesDir, 'value-add');
  for (const name of readdirSync(dir)) {
    it(name, () => {
      const config = parse(readFileSync(join(dir, name, 'config.yaml'), 'utf8')) as ValueAddConfig;
      const m = resMapOf(objectsFromFile(join(dir, name, 'res.yaml')));
      applyValueAdd(m, config, `/tmp/${name}`);
      expect(sorted(m.resources.map((r) => r.object))).toEqual(
        sorted(objectsFromFile(join(dir, name, 'expected.yaml'))),
      );
    });
  }
});

describe('ValueAddTransformer field walk', () => {
  it('keeps a quoted-looking string a string and lets plain scalars re-resolve', () => {
    const [o] = run('kind: A\nmetadata: {name: a}\nspec: {s: "007", n: 1, b: x}\n', {
      value: '555',
      targets: [{ fieldPath: 'spec/s' }, { fieldPath: 'spec/n' }, { fieldPath: 'spec/b' }],
    });
    expect(o?.spec).toEqual({ s: '555', n: 555, b: 555 });
  });

  it('creates missing fields, with a created leaf starting empty for filePathPosition', () => {
    const [o] = run('kind: A\nmetadata: {name: a}\n', {
      value: 'v',
      targets: [{ fieldPath: 'spec/x/y', filePathPosition: 3 }],
    });
    expect(o?.spec).toEqual({ x: { y: 'v' } });
  });

  it('does nothing below a null field or past the end of a list', () => {
    const objs = run(DEP, {
      value: 'v',
      targets: [
        { fieldPath: 'spec/nul/below' },
        { fieldPath: 'spec/template/spec/containers/3/image' },
      ],
    });
    expect(objs).toEqual(objectsFromYaml(DEP));
  });

  it('reports the Go panic when filePathPosition meets an unreachable field', () => {
    const e = errorOf(() =>
      run(DEP, {
        targets: [{ fieldPath: 'spec/template/spec/containers/7/image', filePathPosition: 1 }],
      }),
    );
    expect(e.message).toContain('nil pointer dereference');
  });

  it('reports the Go panic for `-` on an empty list', () => {
    const e = errorOf(() =>
      run('kind: A\nmetadata: {name: a}\nl: []\n', { targets: [{ fieldPath: 'l/-/x' }] }),
    );
    expect(e.message).toContain('index out of range [-1]');
  });

  // First lines of the oracle's messages; kyaml then prints the node as written in the source.
  it.each([
    [
      'spec/template',
      'wrong node kind: expected ScalarNode but got MappingNode: node contents:\nspec:\n',
    ],
    [
      'spec/template/spec/containers/foo',
      'wrong node kind: expected MappingNode but got SequenceNode: node contents:\n- name: c1\n',
    ],
    [
      'spec/replicas/foo',
      'wrong node kind: expected MappingNode but got ScalarNode: node contents:\n3\n',
    ],
    [
      'spec/template/0',
      'wrong node kind: expected SequenceNode but got MappingNode: node contents:\nspec:\n',
    ],
    ['spec/template/spec/containers/-1/image', 'array index -1 cannot be negative'],
    [
      'spec/template/spec/containers/[name]/image',
      'list path element must contain fieldName=fieldValue for element to match',
    ],
  ])('fails on %s like kustomize', (fieldPath, message) => {
    const e = errorOf(() => run(DEP, { targets: [{ fieldPath }] }));
    expect(e.message.startsWith(message)).toBe(true);
  });

  it('handles metadata/namespace with the namespace filter only for that exact path', () => {
    const objs = run(
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
      {
        value: 'ns',
        targets: [
          { fieldPath: 'metadata/namespace' },
          { fieldPath: 'metadata//labels/x', filePathPosition: 0 },
        ],
      },
    );
    // The Namespace is cluster-scoped for the namespace filter but not for the plain walk.
    expect(objs[0]?.metadata).toEqual({ name: 'n', labels: { x: 'ns' } });
    expect(objs[1]?.metadata).toEqual({ name: 'c', namespace: 'ns', labels: { x: 'ns' } });
  });
});

describe('ValueAddTransformer corpus cases (examples/valueAdd)', () => {
  const base = join(corpusCasesDir, 'examples__valueAdd__runIt/input');

  it('applies transformers/setProject with the using kustomization root as value', () => {
    const config = parse(
      readFileSync(join(base, 'transformers/setProject/setProject.yaml'), 'utf8'),
    ) as ValueAddConfig;
    const m = resMapOf([
      ...objectsFromFile(join(base, 'bases/iam-iap-tunnel/customroles.yaml')),
      ...objectsFromFile(join(base, 'bases/iam-iap-tunnel/policymembers.yaml')),
    ]);
    applyValueAdd(m, config, join(base, 'projects/dog-222'));
    expect(sorted(m.resources.map((r) => r.object))).toEqual(
      sorted(objectsFromFile(join(corpusCasesDir, 'examples__valueAdd__runIt/expected.yaml'))),
    );
  });

  it.each([
    ['examples__valueAdd__runIt', 'projects/dog-222'],
    ['examples__valueAdd__buildAll', 'all'],
  ])('builds %s end to end', async (name, dir) => {
    const got = await buildObjects(join(corpusCasesDir, name, 'input', dir));
    expect(got).toEqual(objectsFromFile(join(corpusCasesDir, name, 'expected.yaml')));
  });
});
