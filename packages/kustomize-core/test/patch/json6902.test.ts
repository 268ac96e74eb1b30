import { cloneYaml, type YamlMap, type YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { applyJson6902 } from '../../src/patch/index.js';

const cm = (extra: YamlMap = {}): YamlMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c' },
  ...extra,
});

function failure(run: () => unknown): KustomizeError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error('expected an error');
}

// Every expected value and error text below was produced by `kubectl kustomize` (kustomize
// v5.5.0) with the operations in a `patchesJson6902` entry.
describe('applyJson6902: oracle goldens', () => {
  it('replace of a missing object key adds it (evanphx v4)', () => {
    const out = applyJson6902(cm({ data: { a: 'x' } }), [
      { op: 'replace', path: '/data/b', value: true },
    ]);
    expect(out).toEqual(cm({ data: { a: 'x', b: true } }));
  });

  it('array indexes: -, insert, negative from the end, remove, replace', () => {
    const out = applyJson6902(cm({ l: [0, 1, 2], m: ['a', 'b', 'c'], n: ['x', 'y'] }), [
      { op: 'add', path: '/l/-', value: 3 },
      { op: 'add', path: '/l/0', value: -1 },
      { op: 'add', path: '/l/-1', value: 'end' },
      { op: 'remove', path: '/m/-1' },
      { op: 'replace', path: '/n/-2', value: 'X' },
      { op: 'add', path: '/l/5', value: 'z' },
    ]);
    expect(out).toEqual(cm({ l: [-1, 0, 1, 2, 3, 'z', 'end'], m: ['a', 'b'], n: ['X', 'y'] }));
  });

  it('copy from a missing key writes null; copy and move', () => {
    const out = applyJson6902(cm({ data: { a: 'x' } }), [
      { op: 'copy', from: '/data/zz', path: '/data/b' },
      { op: 'copy', from: '/data/a', path: '/data/c' },
      { op: 'move', from: '/data/a', path: '/metadata/labels' },
    ]);
    expect(out).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', labels: 'x' },
      data: { b: null, c: 'x' },
    });
  });

  it('ignores the first segment of a path without a leading slash', () => {
    const out = applyJson6902(cm({ data: { a: 'x' } }), [
      { op: 'add', path: 'data/b', value: true },
    ]);
    expect(out).toEqual(cm({ data: { a: 'x' }, b: true }));
  });

  it('replaces the whole document with path ""', () => {
    const value: YamlMap = cm({ data: { z: 'q' } });
    expect(applyJson6902(cm({ data: { a: 'x' } }), [{ op: 'replace', path: '', value }])).toEqual(
      value,
    );
  });

  it('tests scalars by JSON text, adds null without a value, and loses big-int precision', () => {
    const target = cm({ data: { a: 'x' }, n: 1, big: 12345678901234567890n });
    const out = applyJson6902(target, [
      { op: 'test', path: '/data/a', value: 'x' },
      { op: 'test', path: '/n', value: 1.0 },
      { op: 'add', path: '/data/b', value: true },
      { op: 'add', path: '/x' },
    ]);
    expect(out).toEqual(
      cm({ data: { a: 'x', b: true }, n: 1, big: 12345678901234567000, x: null }),
    );
    expect(typeof out.big).toBe('number');
  });

  it.each([
    [
      'remove of a missing key',
      cm({ data: { a: 'x' } }),
      { op: 'remove', path: '/data/b' },
      "error in remove for path: '/data/b': Unable to remove nonexistent key: b: missing value",
    ],
    [
      'add under a missing parent',
      cm(),
      { op: 'add', path: '/data/b', value: 'y' },
      'add operation does not apply: doc is missing path: "/data/b": missing value',
    ],
    [
      'replace under a missing parent',
      cm(),
      { op: 'replace', path: '/data/b', value: 'y' },
      'replace operation does not apply: doc is missing path: /data/b: missing value',
    ],
    [
      'add past the end of an array',
      cm({ l: [0] }),
      { op: 'add', path: '/l/3', value: 3 },
      "error in add for path: '/l/3': Unable to access invalid index: 3: invalid index referenced",
    ],
    [
      'add at the document root',
      cm({ data: { a: 'x' } }),
      { op: 'add', path: '', value: { x: 1 } },
      'add operation does not apply: doc is missing path: "": missing value',
    ],
    [
      'a failing test',
      cm({ data: { a: 'x' } }),
      { op: 'test', path: '/data/a', value: 'y' },
      'testing value /data/a failed: test failed',
    ],
    ['an unknown op', cm(), { op: 'frob', path: '/a' }, 'Unexpected kind: frob'],
  ] as [string, YamlMap, YamlMap, string][])('errors: %s', (_name, target, op, message) => {
    const error = failure(() => applyJson6902(target, [op], 'patch.yaml'));
    expect(error.code).toBe('InvalidPatch');
    expect(error.message).toContain(message);
    expect(error.message).toContain('patch.yaml');
    expect(error.location.file).toBe('patch.yaml');
    expect(error.data).toMatchObject({ operation: 0 });
  });

  it('a null operation is an unknown kind', () => {
    const error = failure(() =>
      applyJson6902(cm(), [{ op: 'add', path: '/data', value: {} }, null]),
    );
    expect(error.message).toContain('Unexpected kind: unknown');
    expect(error.data).toMatchObject({ operation: 1 });
  });
});

describe('applyJson6902: shape checks and purity', () => {
  it('rejects a non-list and non-mapping operations, naming file and index', () => {
    expect(failure(() => applyJson6902(cm(), { op: 'add' }, 'p.yaml')).message).toBe(
      'p.yaml: a JSON 6902 patch must be a list of operations',
    );
    const error = failure(() =>
      applyJson6902(cm(), [{ op: 'test', path: '/kind', value: 'ConfigMap' }, 'foo'], 'p.yaml'),
    );
    expect(error.message).toContain('p.yaml: JSON patch operation 1');
    expect(error.data).toMatchObject({ operation: 1 });
  });

  it('treats null operations as an empty patch', () => {
    expect(applyJson6902(cm({ a: 1 }), null)).toEqual(cm({ a: 1 }));
  });

  it('reports a missing path field and a non-string path', () => {
    expect(failure(() => applyJson6902(cm(), [{ op: 'remove' }])).message).toContain(
      'remove operation failed to decode path: missing value',
    );
    expect(failure(() => applyJson6902(cm(), [{ op: 'replace', path: 3 }])).message).toContain(
      'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string',
    );
  });

  it('rejects values JSON cannot hold', () => {
    expect(failure(() => applyJson6902(cm({ x: Infinity }), [])).message).toContain(
      'json: unsupported value: +Inf',
    );
  });

  it('leaves the target and the operations untouched', () => {
    const target = cm({ data: { a: 'x' }, l: [{ k: 1 }] });
    const ops: YamlValue = [
      { op: 'add', path: '/data/obj', value: { deep: ['v'] } },
      { op: 'add', path: '/data/obj/deep/-', value: 'w' },
      { op: 'move', from: '/l/0', path: '/moved' },
    ];
    const [targetBefore, opsBefore] = [cloneYaml(target), cloneYaml(ops)];
    const out = applyJson6902(target, ops);
    expect(target).toEqual(targetBefore);
    expect(ops).toEqual(opsBefore);
    expect(out).toEqual(
      cm({ data: { a: 'x', obj: { deep: ['v', 'w'] } }, l: [], moved: { k: 1 } }),
    );
  });
});
