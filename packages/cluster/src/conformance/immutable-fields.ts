import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../cluster-client.js';
import { configMap, deployment, expectCode } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: immutable fields. */
export function describeImmutableFields({ setup, ref }: SuiteContext): void {
  describe('immutable fields', () => {
    it('rejects a changed Deployment selector', async () => {
      const { client, ns } = await setup();
      await client.apply(deployment(ns, 'web'), { fieldManager: 'm' });
      const changed = deployment(ns, 'web', { selector: { matchLabels: { app: 'other' } } });
      const e = await expectCode(client.apply(changed, { fieldManager: 'm' }), 'Invalid');
      expect(e.message).toContain('spec.selector');
      expect(e.message).toContain('field is immutable');
    });

    it('rejects changed data of an immutable ConfigMap', async () => {
      const { client, ns } = await setup();
      await client.apply(
        { ...configMap(ns, 'a', { x: '1' }), immutable: true },
        { fieldManager: 'm' },
      );
      await expectCode(
        client.apply({ ...configMap(ns, 'a', { x: '2' }), immutable: true }, { fieldManager: 'm' }),
        'Invalid',
      );
      expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
    });

    it('rejects PVC spec changes other than storage requests', async () => {
      const { client, ns } = await setup();
      const pvc = (storage: string, mode: string): KubeObject => ({
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: ns },
        spec: { accessModes: [mode], resources: { requests: { storage } } },
      });
      await client.apply(pvc('1Gi', 'ReadWriteOnce'), { fieldManager: 'm' });
      await client.apply(pvc('2Gi', 'ReadWriteOnce'), { fieldManager: 'm' });
      const e = await expectCode(
        client.apply(pvc('2Gi', 'ReadWriteMany'), { fieldManager: 'm' }),
        'Invalid',
      );
      expect(e.message).toContain('spec is immutable after creation');
    });

    it('rejects a changed StatefulSet selector', async () => {
      const { client, ns } = await setup();
      const sts = (app: string): KubeObject => ({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 'db', namespace: ns },
        spec: {
          serviceName: 'db',
          selector: { matchLabels: { app } },
          template: {
            metadata: { labels: { app } },
            spec: { containers: [{ name: 'c', image: 'x' }] },
          },
        },
      });
      await client.apply(sts('db'), { fieldManager: 'm' });
      await expectCode(client.apply(sts('other'), { fieldManager: 'm' }), 'Invalid');
    });

    it('rejects a changed Service clusterIP and Job template', async () => {
      const { client, ns } = await setup();
      const svc = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's', namespace: ns },
        spec: { ports: [{ port: 80 }] },
      };
      const live = await client.apply(svc, { fieldManager: 'm' });
      expect((live['spec'] as YamlMap)['clusterIP']).toBeTypeOf('string');
      await expectCode(
        client.apply(
          { ...svc, spec: { ports: [{ port: 80 }], clusterIP: '10.0.0.99' } },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      const job = (image: string): KubeObject => ({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j', namespace: ns },
        spec: {
          template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image }] } },
        },
      });
      await client.apply(job('busybox:1'), { fieldManager: 'm' });
      await expectCode(client.apply(job('busybox:2'), { fieldManager: 'm' }), 'Invalid');
    });
  });
}
