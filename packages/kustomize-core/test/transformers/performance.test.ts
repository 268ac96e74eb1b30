import { describe, expect, it } from 'vitest';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import { fixNameReferences } from '../../src/transformers/index.js';
import { runTransformers } from './helpers.js';

function bigMap(n: number): ResMap {
  const list: KResource[] = [];
  for (let i = 0; i < n; i++) {
    list.push(
      new KResource({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm-${i}` },
        data: { k: 'v' },
      }),
    );
    list.push(
      new KResource({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `sa-${i}` } }),
    );
    list.push(
      new KResource({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: `app-${i}` },
        spec: {
          template: {
            spec: {
              serviceAccountName: `sa-${i}`,
              containers: [
                {
                  name: 'c',
                  image: 'nginx:1.0',
                  envFrom: [{ configMapRef: { name: `cm-${i}` } }],
                  env: [
                    {
                      name: 'X',
                      valueFrom: { configMapKeyRef: { name: `cm-${(i + 1) % n}`, key: 'k' } },
                    },
                  ],
                },
              ],
              volumes: [{ name: 'v', configMap: { name: `cm-${i}` } }],
            },
          },
        },
      }),
    );
  }
  const m = new ResMap(builtinSchema);
  m.appendAll(list);
  return m;
}

function timeBuild(n: number): { ms: number; m: ResMap } {
  const m = bigMap(n);
  const t0 = performance.now();
  runTransformers(m, {
    namespace: 'ns',
    namePrefix: 'p-',
    nameSuffix: '-s',
    commonLabels: { app: 'x', team: 'y' },
    commonAnnotations: { note: 'n' },
    images: [{ name: 'nginx', newTag: '2.0' }],
    replicas: [{ name: 'app-0', count: 3 }],
  });
  fixNameReferences(m);
  return { ms: performance.now() - t0, m };
}

describe('performance', () => {
  it('transforms 3,000 resources with name references in linear time', () => {
    timeBuild(200); // warm-up
    const small = timeBuild(250);
    const { ms, m } = timeBuild(1000); // 3,000 resources
    const dep = m.resources.find((r) => r.kind === 'Deployment' && r.name === 'p-app-7-s');
    expect(dep?.object.spec).toMatchObject({
      template: {
        spec: {
          serviceAccountName: 'p-sa-7-s',
          containers: [{ image: 'nginx:2.0', envFrom: [{ configMapRef: { name: 'p-cm-7-s' } }] }],
        },
      },
    });
    // 4× the resources should cost far less than 16× (quadratic) the time.
    expect(ms).toBeLessThan(Math.max(small.ms * 10, 1500));
    expect(ms).toBeLessThan(5000);
  });
});
