import { describe, expect, test } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import {
  DriftDiffError,
  SECRET_MASK,
  SECRET_MASK_AFTER,
  SECRET_MASK_BEFORE,
  compileIgnoreRules,
  compileLabelSelector,
  diffObjects,
  quantitiesEqual,
  scalarsEqual,
} from '@kustomate/drift-diff';

const cm = (data: YamlMap, meta: YamlMap = {}): YamlMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'c', namespace: 'ns', ...meta },
  data,
});

describe('diffObjects verdicts', () => {
  test('Flux annotations exclude on either side', () => {
    const ignore = { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'ignore' } };
    expect(diffObjects(cm({ a: '1' }, ignore), cm({ a: '2' })).action).toBe('exclude');
    expect(diffObjects(cm({ a: '1' }), cm({ a: '2' }, ignore)).action).toBe('exclude');
    const off = { labels: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' } };
    expect(diffObjects(cm({ a: '1' }, off), cm({ a: '2' })).reason).toBe(
      'kustomize.toolkit.fluxcd.io/reconcile: disabled',
    );
  });

  test('ssa: IfNotPresent excludes an existing object only', () => {
    const once = { annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'IfNotPresent' } };
    expect(diffObjects(cm({ a: '1' }, once), cm({ a: '2' })).action).toBe('exclude');
    expect(diffObjects(cm({ a: '1' }, once), undefined).action).toBe('create');
  });

  test('empty vs missing is not drift', () => {
    expect(
      diffObjects(cm({}), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'c', namespace: 'ns' },
      }).action,
    ).toBe('none');
    const withNull: YamlMap = {
      ...cm({}),
      binaryData: null,
      metadata: { name: 'c', namespace: 'ns', labels: {} },
    };
    expect(diffObjects(withNull, cm({})).action).toBe('none');
  });

  test('status and server metadata never drift', () => {
    const live = {
      ...cm({ a: '1' }, { uid: 'x', resourceVersion: '9', finalizers: ['f'] }),
      status: { x: 1 },
    };
    expect(diffObjects(cm({ a: '1' }), live).action).toBe('none');
  });

  test('unknown kinds diff as generic objects', () => {
    const cr = (size: number): YamlMap => ({
      apiVersion: 'example.com/v1alpha1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size, tags: ['a', 'b'] },
    });
    expect(diffObjects(cr(1), cr(1)).action).toBe('none');
    expect(diffObjects(cr(2), cr(1)).patch).toEqual([
      { op: 'replace', path: '/spec/size', value: 2 },
    ]);
  });

  test('atomic lists of a different length are replaced whole', () => {
    const job = (args: string[]): YamlMap => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { args },
    });
    expect(diffObjects(job(['a']), job(['a', 'b'])).patch).toEqual([
      { op: 'replace', path: '/spec/args', value: ['a'] },
    ]);
  });

  test('an object without name is refused with InvalidObject', () => {
    expect(() => diffObjects({ apiVersion: 'v1', kind: 'ConfigMap' }, undefined)).toThrow(
      expect.objectContaining({ code: 'InvalidObject' }),
    );
  });

  test('unified diff has file headers and changed lines', () => {
    const d = diffObjects(cm({ a: '2' }), cm({ a: '1' }));
    expect(d.unified).toContain('--- live/ConfigMap/ns/c');
    expect(d.unified).toContain('+++ desired/ConfigMap/ns/c');
    expect(d.unified).toContain('-  a: "1"');
    expect(d.unified).toContain('+  a: "2"');
  });
});

describe('Secret masking', () => {
  const secret = (data: YamlMap): YamlMap => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 's' },
    data,
  });

  test('a changed value is reported and masked before/after, never shown', () => {
    const d = diffObjects(
      secret({ token: 'bmV3', keep: 'c2FtZQ==' }),
      secret({ token: 'b2xk', keep: 'c2FtZQ==' }),
    );
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([{ op: 'replace', path: '/data/token', value: SECRET_MASK_AFTER }]);
    expect(d.unified).toContain(`-  token: "${SECRET_MASK_BEFORE}"`);
    expect(d.unified).toContain(`+  token: "${SECRET_MASK_AFTER}"`);
    expect(d.unified).toContain(`keep: "${SECRET_MASK}"`);
    for (const v of ['bmV3', 'b2xk', 'c2FtZQ==']) {
      expect(d.unified).not.toContain(v);
      expect(JSON.stringify(d)).not.toContain(v);
    }
  });

  test('create masks every value', () => {
    const d = diffObjects(
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { pw: 'hunter2' } },
      undefined,
    );
    expect(d.action).toBe('create');
    expect(JSON.stringify(d)).not.toContain('aHVudGVyMg==');
    expect(d.unified).toContain(`pw: "${SECRET_MASK}"`);
  });

  test('revealSecrets puts values in the patch but never in unified', () => {
    const d = diffObjects(secret({ t: 'bmV3' }), secret({ t: 'b2xk' }), { revealSecrets: true });
    expect(d.patch).toEqual([{ op: 'replace', path: '/data/t', value: 'bmV3' }]);
    expect(d.unified).not.toContain('bmV3');
  });
});

describe('Secret masking of kubectl last-applied-configuration', () => {
  const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
  const clear = '{"stringData":{"password":"hunter2"}}';

  test('a taken-over annotation holding the Secret in clear text is never shown', () => {
    const live: YamlMap = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 's',
        annotations: { [LAST]: clear },
        managedFields: [
          {
            manager: 'kubectl-client-side-apply',
            operation: 'Update',
            fieldsV1: { 'f:metadata': { 'f:annotations': { [`f:${LAST}`]: {} } } },
          },
        ],
      },
      data: { password: 'aHVudGVyMg==' },
    };
    const desired: YamlMap = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: 'hunter2' },
    };
    const d = diffObjects(desired, live, { ownership: { manager: 'kustomize-controller' } });
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([
      { op: 'remove', path: `/metadata/annotations/${LAST.replace('/', '~1')}` },
    ]);
    expect(JSON.stringify(d)).not.toContain('hunter2');
    expect(d.unified).toContain(`${LAST}: "${SECRET_MASK}"`);
  });

  test('stringData equal to live data is not drift', () => {
    const live: YamlMap = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { password: 'aHVudGVyMg==' },
    };
    const desired: YamlMap = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      stringData: { password: 'hunter2' },
    };
    expect(diffObjects(desired, live).action).toBe('none');
  });

  test('patch values under metadata are masked', () => {
    const desired: YamlMap = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', annotations: { [LAST]: clear } },
    };
    const live: YamlMap = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } };
    const d = diffObjects(desired, live);
    expect(d.patch).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { [LAST]: SECRET_MASK } },
    ]);
    expect(JSON.stringify(diffObjects(desired, undefined))).not.toContain('hunter2');
  });
});

describe('semantic scalar equality', () => {
  test.each([
    ['2000m', '2'],
    ['1024Mi', '1Gi'],
    ['0.5', '500m'],
    ['1e3', '1k'],
    [2, '2'],
  ] as const)('quantities %s and %s are equal', (a, b) => {
    expect(quantitiesEqual(a, b)).toBe(true);
  });
  test('different quantities differ', () => {
    expect(quantitiesEqual('1Gi', '1G')).toBe(false);
    expect(quantitiesEqual('abc', 'abc')).toBe(false);
  });
  test('int-or-string fields', () => {
    expect(scalarsEqual(8080, '8080', undefined, 'targetPort')).toBe(true);
    expect(scalarsEqual(8080, '8080', undefined, 'replicas')).toBe(false);
    expect(scalarsEqual('25%', '25%', undefined, 'maxSurge')).toBe(true);
  });
  test('a quantity respelled by the server is not drift', () => {
    const pod = (cpu: string | number, port: string | number): YamlMap => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            resources: { requests: { cpu } },
            readinessProbe: { httpGet: { port } },
          },
        ],
      },
    });
    expect(diffObjects(pod('1000m', 8080), pod(1, '8080')).action).toBe('none');
  });
});

describe('ignore rules and selectors', () => {
  test('selector fields are anchored regular expressions', () => {
    const [rule] = compileIgnoreRules([{ paths: ['/data'], target: { kind: 'Config' } }]);
    expect(rule!.matches(cm({}))).toBe(false);
    const [rule2] = compileIgnoreRules([
      { paths: ['/data'], target: { kind: 'Config.*', namespace: 'n.' } },
    ]);
    expect(rule2!.matches(cm({}))).toBe(true);
  });
  test('label and annotation selectors', () => {
    const [rule] = compileIgnoreRules([
      {
        paths: ['/data'],
        target: { labelSelector: 'app in (web,api),!legacy', annotationSelector: 'x=y' },
      },
    ]);
    expect(rule!.matches(cm({}, { labels: { app: 'web' }, annotations: { x: 'y' } }))).toBe(true);
    expect(
      rule!.matches(cm({}, { labels: { app: 'web', legacy: '1' }, annotations: { x: 'y' } })),
    ).toBe(false);
    expect(compileLabelSelector('a!=b')({})).toBe(true);
    expect(compileLabelSelector('a==b')({ a: 'b' })).toBe(true);
    expect(compileLabelSelector('a notin (b)')({ a: 'c' })).toBe(true);
  });
  test('a JSON pointer with an escaped slash', () => {
    const d = diffObjects(
      cm({}, { annotations: { 'a/b': '2', c: '1' } }),
      cm({}, { annotations: { 'a/b': '1', c: '0' } }),
      { ignore: [{ paths: ['/metadata/annotations/a~1b'] }] },
    );
    expect(d.patch).toEqual([{ op: 'replace', path: '/metadata/annotations/c', value: '1' }]);
  });
  test('bad rules are refused with typed errors', () => {
    expect(() => compileIgnoreRules([{ paths: ['spec'] }])).toThrow(DriftDiffError);
    expect(() => compileIgnoreRules([{ paths: ['spec'] }])).toThrow(
      expect.objectContaining({ code: 'InvalidIgnoreRule' }),
    );
    expect(() => compileIgnoreRules([{ paths: [], target: { kind: '(' } }])).toThrow(
      expect.objectContaining({ code: 'InvalidSelector' }),
    );
    expect(() => compileLabelSelector('a in b')).toThrow(
      expect.objectContaining({ code: 'InvalidSelector' }),
    );
  });
});
