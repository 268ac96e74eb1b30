/**
 * Scenarios of fluxcd/pkg `ssa/jsondiff/unstructured_test.go` over the verbatim manifests of
 * `ssa/jsondiff-testdata/`. Upstream runs them against an API server; here the live object is
 * the manifest as the server would return it (server metadata and defaults added, managed
 * fields where the scenario depends on ownership). Verdicts and patch paths are upstream's.
 */
import { describe, expect, test } from 'vitest';
import { cloneYaml, type YamlMap } from '@kustomate/resource';
import {
  diffObjects,
  diffSet,
  SECRET_MASK,
  SECRET_MASK_AFTER,
  type DiffOptions,
} from '@kustomate/drift-diff';
import { loadJsondiffFixture } from './corpus.js';

const NS = 'test-ns';
const OWNER = 'dummy';

function desiredOf(name: string, mutate?: (o: YamlMap) => void): YamlMap {
  const obj = loadJsondiffFixture(name);
  (obj['metadata'] as YamlMap)['namespace'] = NS;
  mutate?.(obj);
  return obj;
}

/** What a GET returns after the manifest was applied: server metadata and defaults added. */
function liveOf(name: string, mutate?: (o: YamlMap) => void): YamlMap {
  const obj = desiredOf(name, mutate);
  Object.assign(obj['metadata'] as YamlMap, {
    uid: '6f1c5e9a',
    resourceVersion: '1234',
    creationTimestamp: '2026-01-01T00:00:00Z',
    generation: 1,
  });
  if (obj['kind'] === 'Deployment') {
    const spec = obj['spec'] as YamlMap;
    spec['replicas'] ??= 1;
    const pod = (spec['template'] as YamlMap)['spec'] as YamlMap;
    Object.assign(pod, {
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    });
    for (const c of pod['containers'] as YamlMap[]) {
      c['terminationMessagePath'] ??= '/dev/termination-log';
      c['terminationMessagePolicy'] ??= 'File';
    }
    obj['status'] = { observedGeneration: 1, replicas: 1 };
  }
  if (obj['kind'] === 'Service') {
    Object.assign(obj['spec'] as YamlMap, { clusterIP: '10.0.0.12', sessionAffinity: 'None' });
  }
  return obj;
}

function container(obj: YamlMap): YamlMap[] {
  return (((obj['spec'] as YamlMap)['template'] as YamlMap)['spec'] as YamlMap)[
    'containers'
  ] as YamlMap[];
}

function setPath(obj: YamlMap, path: string[], value: string | number): void {
  let cur = obj;
  for (const k of path.slice(0, -1)) cur = (cur[k] ??= {}) as YamlMap;
  cur[path[path.length - 1] as string] = value;
}

describe('TestUnstructured scenarios', () => {
  test('Deployment with added label and annotation', () => {
    const add = (o: YamlMap) => {
      setPath(o, ['metadata', 'annotations', 'annotated'], 'yes');
      setPath(o, ['metadata', 'labels', 'labeled'], 'yes');
    };
    const d = diffObjects(desiredOf('deployment.yaml', add), liveOf('deployment.yaml'));
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([
      { op: 'add', path: '/metadata/labels/labeled', value: 'yes' },
      { op: 'add', path: '/metadata/annotations/annotated', value: 'yes' },
    ]);
  });

  test('Deployment with missing label and annotation is not drift', () => {
    const add = (o: YamlMap) => {
      setPath(o, ['metadata', 'annotations', 'annotated'], 'yes');
      setPath(o, ['metadata', 'labels', 'labeled'], 'yes');
    };
    expect(diffObjects(desiredOf('deployment.yaml'), liveOf('deployment.yaml', add)).action).toBe(
      'none',
    );
  });

  test('Deployment with changed label and annotation', () => {
    const set = (v: string) => (o: YamlMap) => {
      setPath(o, ['metadata', 'annotations', 'annotated'], v);
      setPath(o, ['metadata', 'labels', 'labeled'], v);
    };
    const d = diffObjects(
      desiredOf('deployment.yaml', set('yes')),
      liveOf('deployment.yaml', set('no')),
    );
    expect(d.action).toBe('update');
    expect(d.patch.map((p) => [p.op, p.path])).toEqual([
      ['replace', '/metadata/labels/labeled'],
      ['replace', '/metadata/annotations/annotated'],
    ]);
  });

  test('Deployment with ignored change path', () => {
    const set = (v: string) => (o: YamlMap) => {
      setPath(o, ['metadata', 'annotations', 'annotated'], v);
      setPath(o, ['metadata', 'labels', 'labeled'], v);
    };
    const d = diffObjects(
      desiredOf('deployment.yaml', set('yes')),
      liveOf('deployment.yaml', set('no')),
      {
        ignore: [{ paths: ['/metadata/annotations/annotated'] }],
      },
    );
    expect(d.patch).toEqual([{ op: 'replace', path: '/metadata/labels/labeled', value: 'yes' }]);
  });

  test('Deployment with ignored root path is excluded', () => {
    const d = diffObjects(desiredOf('deployment.yaml'), liveOf('deployment.yaml'), {
      ignore: [{ paths: [''] }],
    });
    expect(d.action).toBe('exclude');
  });

  test.each(['annotations', 'labels'])(
    'Deployment with %s matching exclusion selector',
    (where) => {
      const d = diffObjects(
        desiredOf('deployment.yaml', (o) => setPath(o, ['metadata', where, 'ignore'], 'enabled')),
        liveOf('deployment.yaml'),
        { exclude: { ignore: 'enabled' } },
      );
      expect(d.action).toBe('exclude');
    },
  );

  test('Deployment with added container', () => {
    const add = (o: YamlMap) => container(o).push({ name: 'nginx', image: 'nginx:latest' });
    const d = diffObjects(desiredOf('deployment.yaml', add), liveOf('deployment.yaml'));
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([
      {
        op: 'add',
        path: '/spec/template/spec/containers/-',
        value: { name: 'nginx', image: 'nginx:latest' },
      },
    ]);
  });

  test('Deployment with removed container (ownership: we applied it)', () => {
    const add = (o: YamlMap) => container(o).push({ name: 'nginx', image: 'nginx:latest' });
    const live = liveOf('deployment.yaml', add);
    (live['metadata'] as YamlMap)['managedFields'] = [
      {
        manager: OWNER,
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:spec': {
            'f:template': {
              'f:spec': {
                'f:containers': {
                  'k:{"name":"podinfod"}': { '.': {}, 'f:image': {}, 'f:name': {} },
                  'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} },
                },
              },
            },
          },
        },
      },
    ];
    expect(diffObjects(desiredOf('deployment.yaml'), live).action).toBe('none');
    const d = diffObjects(desiredOf('deployment.yaml'), live, { ownership: { manager: OWNER } });
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([{ op: 'remove', path: '/spec/template/spec/containers/1' }]);
  });

  test('Deployment with changed container value', () => {
    const d = diffObjects(
      desiredOf('deployment.yaml', (o) => (container(o)[0]!['image'] = 'nginx:latest')),
      liveOf('deployment.yaml'),
    );
    expect(d.patch).toEqual([
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:latest' },
    ]);
  });

  test('Deployment with changed container value and ignored path', () => {
    const d = diffObjects(
      desiredOf('deployment.yaml', (o) => (container(o)[0]!['image'] = 'nginx:latest')),
      liveOf('deployment.yaml'),
      { ignore: [{ paths: ['/spec/template/spec/containers/0/image'] }] },
    );
    expect(d.action).toBe('none');
  });

  test('Deployment without changes (server defaults and quantities are not drift)', () => {
    const live = liveOf('deployment.yaml', (o) => {
      const res = container(o)[0]!['resources'] as YamlMap;
      res['limits'] = { cpu: '2', memory: '512Mi' };
    });
    expect(diffObjects(desiredOf('deployment.yaml'), live).action).toBe('none');
  });

  test('Deployment does not exist', () => {
    expect(diffObjects(desiredOf('deployment.yaml'), undefined).action).toBe('create');
  });

  test('Secret without changes', () => {
    expect(diffObjects(desiredOf('empty-secret.yaml'), liveOf('empty-secret.yaml')).action).toBe(
      'none',
    );
  });

  test('Secret with added key and unmasked value', () => {
    const d = diffObjects(
      desiredOf('empty-secret.yaml', (o) => (o['stringData'] = { foo: 'bar' })),
      liveOf('empty-secret.yaml'),
      { revealSecrets: true },
    );
    expect(d.patch).toEqual([{ op: 'add', path: '/data', value: { foo: 'YmFy' } }]);
  });

  test('Secret with changed and deleted key and masked value', () => {
    const live = liveOf('empty-secret.yaml', (o) => (o['data'] = { foo: 'YmFy', bar: 'YmFy' }));
    (live['metadata'] as YamlMap)['managedFields'] = [
      {
        manager: OWNER,
        operation: 'Apply',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:data': { '.': {}, 'f:foo': {}, 'f:bar': {} } },
      },
    ];
    const desired = desiredOf('empty-secret.yaml', (o) => (o['stringData'] = { foo: 'baz' }));
    const d = diffObjects(desired, live, { ownership: { manager: OWNER } });
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([
      { op: 'replace', path: '/data/foo', value: SECRET_MASK_AFTER },
      { op: 'remove', path: '/data/bar' },
    ]);
    expect(d.unified).not.toContain('YmFy');
    expect(d.unified).not.toContain('YmF6');
  });

  test('ConfigMap is not masked', () => {
    const d = diffObjects(
      desiredOf('empty-configmap.yaml', (o) => (o['data'] = { foo: 'baz' })),
      liveOf('empty-configmap.yaml', (o) => (o['data'] = { foo: 'bar' })),
    );
    expect(d.patch).toEqual([{ op: 'replace', path: '/data/foo', value: 'baz' }]);
    expect(d.unified).toContain('-  foo: bar');
    expect(d.unified).toContain('+  foo: baz');
  });

  test('annotated ConfigMap: a live-only annotation is not drift', () => {
    const d = diffObjects(desiredOf('empty-configmap.yaml'), liveOf('annotated-configmap.yaml'));
    expect(d.action).toBe('none');
  });
});

describe('TestUnstructuredList scenarios', () => {
  const both = ['deployment.yaml', 'service.yaml'];

  test('resources do not exist', () => {
    const set = diffSet(
      both.map((f) => desiredOf(f)),
      [],
    );
    expect(set.changes.map((c) => [c.subject, c.action])).toEqual([
      [`Deployment/${NS}/podinfo`, 'create'],
      [`Service/${NS}/podinfo`, 'create'],
    ]);
  });

  test('resources with multiple changes', () => {
    const desired = [
      desiredOf('deployment.yaml', (o) => setPath(o, ['spec', 'replicas'], 2)),
      desiredOf('service.yaml', (o) => setPath(o, ['metadata', 'annotations', 'annotated'], 'yes')),
    ];
    const set = diffSet(
      desired,
      both.map((f) => liveOf(f)),
    );
    expect(set.changes.map((c) => c.action)).toEqual(['update', 'update']);
    expect(set.changes[0]!.patch).toEqual([{ op: 'replace', path: '/spec/replicas', value: 2 }]);
    expect(set.changes[1]!.patch).toEqual([
      { op: 'add', path: '/metadata/annotations', value: { annotated: 'yes' } },
    ]);
  });

  const mutateBoth = (o: YamlMap) => {
    setPath(o, ['metadata', 'annotations', 'annotated'], 'change');
    setPath(o, ['metadata', 'labels', 'labeled'], 'change');
  };

  test('ignores JSON pointers for resources matching selector', () => {
    const opts: DiffOptions = {
      ignore: [{ paths: ['/metadata/annotations'], target: { kind: 'Service' } }],
    };
    const set = diffSet(
      both.map((f) => desiredOf(f, mutateBoth)),
      both.map((f) => liveOf(f)),
      opts,
    );
    expect(set.changes[0]!.patch.map((p) => p.path)).toEqual([
      '/metadata/labels/labeled',
      '/metadata/annotations/annotated',
    ]);
    expect(set.changes[1]!.patch).toEqual([
      { op: 'add', path: '/metadata/labels', value: { labeled: 'change' } },
    ]);
  });

  test('ignores paths for all resources without selector', () => {
    const opts: DiffOptions = { ignore: [{ paths: ['/metadata/annotations'] }] };
    const set = diffSet(
      both.map((f) => desiredOf(f, mutateBoth)),
      both.map((f) => liveOf(f)),
      opts,
    );
    expect(set.changes[0]!.patch.map((p) => p.path)).toEqual(['/metadata/labels/labeled']);
    expect(set.changes[1]!.patch.map((p) => p.path)).toEqual(['/metadata/labels']);
  });

  test('excludes resources with matching label', () => {
    const desired = [
      desiredOf('deployment.yaml', (o) => {
        setPath(o, ['metadata', 'labels', 'exclude'], 'enabled');
        setPath(o, ['spec', 'replicas'], 2);
      }),
      desiredOf('service.yaml'),
    ];
    const set = diffSet(
      desired,
      both.map((f) => liveOf(f)),
      { exclude: { exclude: 'enabled' } },
    );
    expect(set.changes.map((c) => c.action)).toEqual(['exclude', 'none']);
  });

  test('masks Secret data', () => {
    const set = diffSet(
      [desiredOf('empty-secret.yaml', (o) => (o['stringData'] = { foo: 'bar' }))],
      [liveOf('empty-secret.yaml')],
    );
    expect(set.changes[0]!.patch).toEqual([
      { op: 'add', path: '/data', value: { foo: SECRET_MASK } },
    ]);
  });

  test('rationalizes data', () => {
    const set = diffSet(
      [desiredOf('empty-configmap.yaml', (o) => (o['data'] = { a: '1', b: '2' }))],
      [liveOf('empty-configmap.yaml', (o) => (o['data'] = { a: '2', b: '1' }))],
    );
    expect(set.changes[0]!.action).toBe('update');
    expect(set.changes[0]!.patch.map((p) => p.path)).toEqual(['/data/a', '/data/b']);
  });

  test('fixtures are not mutated by a diff', () => {
    const desired = desiredOf('deployment.yaml');
    const before = cloneYaml(desired);
    diffObjects(desired, liveOf('deployment.yaml'));
    expect(desired).toEqual(before);
  });
});
