// Expected objects, names and messages below were produced by `kubectl kustomize` (v1.32.4,
// kustomize v5.5.0) on the same inputs.
import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { absorbGenerated, generateConfigMap } from '../../src/generators/index.js';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { createMemoryLoader } from './memory-loader.js';
import { miniBuild } from './mini-build.js';

function build(files: MemoryFiles, dir = '/t/ov'): ResMap {
  return miniBuild(createMemoryFs(files), dir);
}

function objects(resmap: ResMap): unknown[] {
  return resmap.resources.map((r) => r.object);
}

function buildError(files: MemoryFiles, dir = '/t/ov'): KustomizeError {
  try {
    build(files, dir);
  } catch (e) {
    if (e instanceof KustomizeError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('absorbGenerated', () => {
  it('merges and replaces across base and overlay, keeping the base name and prefixes', () => {
    const resmap = build({
      '/t/base/kustomization.yaml': `namePrefix: b-
configMapGenerator:
- name: cfg
  literals: [a=1, b=2]
  options:
    labels: {l1: base, l2: base}
    annotations: {a1: base}
secretGenerator:
- name: sec
  literals: [x=1]
  options:
    annotations: {a1: base}
`,
      '/t/ov/kustomization.yaml': `namePrefix: o-
resources: [../base]
configMapGenerator:
- name: cfg
  behavior: merge
  literals: [b=3, c=4]
  options:
    labels: {l2: ov, l3: ov}
secretGenerator:
- name: sec
  behavior: replace
  type: kubernetes.io/basic-auth
  literals: [y=2]
  options:
    labels: {l: ov}
`,
    });
    expect(objects(resmap)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          annotations: { a1: 'base' },
          labels: { l1: 'base', l2: 'ov', l3: 'ov' },
          name: 'o-b-cfg-fbcmkbc66h',
        },
        data: { a: '1', b: '3', c: '4' },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { annotations: { a1: 'base' }, labels: { l: 'ov' }, name: 'o-b-sec-67956b5gg9' },
        type: 'kubernetes.io/basic-auth',
        data: { y: 'Mg==' },
      },
    ]);
    const [cm] = resmap.resources;
    expect(cm?.namePrefixes).toEqual(['b-', 'o-']);
    expect(cm?.previousNames.map((p) => p.name)).toEqual(['cfg', 'b-cfg', 'o-b-cfg']);
    expect(cm?.origin?.configuredIn).toBe('../base/kustomization.yaml');
    expect(resmap.resources[1]?.origin?.configuredIn).toBe('kustomization.yaml');
  });

  it('keeps the hash suffix only when both the old and the new object want it', () => {
    const names: string[] = [];
    for (const baseDisable of [true, false]) {
      for (const ovDisable of [true, false]) {
        for (const behavior of ['merge', 'replace']) {
          const resmap = build({
            '/t/base/kustomization.yaml': `generatorOptions: {disableNameSuffixHash: ${baseDisable}}
configMapGenerator:
- name: cfg
  literals: [a=1, b=2]
`,
            '/t/ov/kustomization.yaml': `resources: [../base]
configMapGenerator:
- name: cfg
  behavior: ${behavior}
  literals: [b=3, c=4]
  options:
    disableNameSuffixHash: ${ovDisable}
`,
          });
          names.push(resmap.resources[0]?.name ?? '');
        }
      }
    }
    expect(names).toEqual([
      'cfg',
      'cfg',
      'cfg',
      'cfg',
      'cfg',
      'cfg',
      'cfg-fbcmkbc66h',
      'cfg-d2944cbhhg',
    ]);
  });

  it('merges into a plain ConfigMap: values become strings, no hash', () => {
    const files = {
      '/t/b2/kustomization.yaml': 'namePrefix: p2-\nresources: [cm.yaml]\n',
      '/t/b2/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {x: "1"}\ndata:\n  z: 1\n',
    };
    const merged = build({
      ...files,
      '/t/ov/kustomization.yaml': `resources: [../b2]
configMapGenerator:
- name: cfg
  behavior: merge
  literals: [b=3]
  options: {labels: {yy: "2"}}
`,
    });
    expect(objects(merged)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { labels: { x: '1', yy: '2' }, name: 'p2-cfg' },
        data: { b: '3', z: '1' },
      },
    ]);
    const replaced = build({
      ...files,
      '/t/ov/kustomization.yaml': `resources: [../b2]
configMapGenerator:
- name: cfg
  behavior: replace
  literals: [b=3]
`,
    });
    expect(objects(replaced)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { labels: { x: '1' }, name: 'p2-cfg' },
        data: { b: '3' },
      },
    ]);
  });

  it('merges within one kustomization and drops data when a merged Secret stays empty', () => {
    const resmap = build({
      '/t/base/kustomization.yaml': `secretGenerator:
- name: sec
- name: sec2
  literals: [a=1]
configMapGenerator:
- name: same
  literals: [a=1]
- name: same
  behavior: merge
  literals: [b=2]
`,
      '/t/ov/kustomization.yaml': `resources: [../base]
secretGenerator:
- name: sec
  behavior: merge
- name: sec2
  behavior: merge
  literals: [b=2]
`,
    });
    expect(objects(resmap)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'same-7gdc49gk6d' },
        data: { a: '1', b: '2' },
      },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec-8226t8dd99' }, type: 'Opaque' },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'sec2-8fb7cfch84' },
        type: 'Opaque',
        data: { a: 'MQ==', b: 'Mg==' },
      },
    ]);
  });

  it('refuses to create over an existing id', () => {
    const e = buildError({
      '/t/base/kustomization.yaml': 'configMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
      '/t/ov/kustomization.yaml':
        'resources: [../base]\nconfigMapGenerator:\n- name: cfg\n  literals: [b=3]\n',
    });
    expect(e.code).toBe('GeneratorBehavior');
    expect(e.message).toBe(
      'id ConfigMap.v1.[noGrp]/cfg.[noNs] exists; behavior must be merge or replace',
    );
  });

  it('treats namespace "default" and none as the same id', () => {
    const e = buildError(
      {
        '/t/app/kustomization.yaml': `configMapGenerator:
- name: test
  namespace: default
  literals: [key=value]
- name: test
  literals: [key=value]
`,
      },
      '/t/app',
    );
    expect(e.message).toBe(
      'id ConfigMap.v1.[noGrp]/test.[noNs] exists; behavior must be merge or replace',
    );
  });

  it('needs an existing id to merge or replace', () => {
    const cm = buildError({
      '/t/ov/kustomization.yaml':
        'configMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=3]\n',
    });
    expect(cm.code).toBe('GeneratorBehavior');
    expect(cm.message).toBe(
      'id ConfigMap.v1.[noGrp]/cfg.[noNs] does not exist; cannot merge or replace',
    );
    const secret = buildError({
      '/t/ov/kustomization.yaml':
        'secretGenerator:\n- name: cfg\n  namespace: foo\n  behavior: replace\n  literals: [b=3]\n',
    });
    expect(secret.message).toBe(
      'id Secret.v1.[noGrp]/cfg.foo does not exist; cannot merge or replace',
    );
  });

  it('creates when the behavior is unknown and nothing matches', () => {
    const resmap = build({
      '/t/ov/kustomization.yaml':
        'configMapGenerator:\n- name: cfg\n  behavior: bogus\n  literals: [b=3]\n',
    });
    expect(resmap.resources.map((r) => r.name)).toEqual(['cfg-67b96hb59k']);
  });

  it('refuses to merge when several resources match by previous ids', () => {
    const e = buildError({
      '/t/b1/kustomization.yaml':
        'namePrefix: p1-\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
      '/t/b2/kustomization.yaml': 'namePrefix: p2-\nresources: [cm.yaml]\n',
      '/t/b2/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels: {x: "1"}\ndata:\n  z: 1\n',
      '/t/ov/kustomization.yaml': `resources: [../b1, ../b2]
configMapGenerator:
- name: cfg
  behavior: merge
  literals: [b=3]
`,
    });
    expect(e.code).toBe('GeneratorBehavior');
    expect(e.message).toBe(
      'found multiple objects [{"apiVersion":"v1","data":{"a":"1"},"kind":"ConfigMap","metadata":{"annotations":{"internal.config.kubernetes.io/generatorBehavior":"unspecified","internal.config.kubernetes.io/needsHashSuffix":"enabled","internal.config.kubernetes.io/prefixes":"p1-","internal.config.kubernetes.io/previousKinds":"ConfigMap","internal.config.kubernetes.io/previousNames":"cfg","internal.config.kubernetes.io/previousNamespaces":"default"},"name":"p1-cfg"}} {"apiVersion":"v1","data":{"z":1},"kind":"ConfigMap","metadata":{"annotations":{"internal.config.kubernetes.io/prefixes":"p2-","internal.config.kubernetes.io/previousKinds":"ConfigMap","internal.config.kubernetes.io/previousNames":"cfg","internal.config.kubernetes.io/previousNamespaces":"default"},"labels":{"x":"1"},"name":"p2-cfg"}}] that could accept merge of ConfigMap.v1.[noGrp]/cfg.[noNs]',
    );
  });

  it('keeps the old origin on merge and the new one on replace; takes the old position', () => {
    const loader = createMemoryLoader({});
    const resmap = new ResMap(builtinSchema);
    const first = new KResource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } });
    const old = generateConfigMap(
      { name: 'cm', literals: ['a=1'] },
      loader,
      undefined,
      'base/k.yaml',
    );
    const last = new KResource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    resmap.appendAll([first, old, last]);
    const merge = generateConfigMap({ name: 'cm', behavior: 'merge', literals: ['b=2'] }, loader);
    absorbGenerated(resmap, [merge]);
    expect(resmap.resources[1]).toBe(merge);
    expect(merge.origin?.configuredIn).toBe('base/k.yaml');
    const replace = generateConfigMap(
      { name: 'cm', behavior: 'replace', literals: ['c=3'] },
      loader,
    );
    absorbGenerated(resmap, [replace]);
    expect(resmap.resources.map((r) => r.kind)).toEqual(['Service', 'ConfigMap', 'Pod']);
    expect(resmap.resources[1]).toBe(replace);
    expect(replace.origin?.configuredIn).toBe('kustomization.yaml');
    expect(replace.object.data).toEqual({ c: '3' });
  });
});
