import { describe, expect, it } from 'vitest';
import { configMap, deployment, expectCode } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: bad input. */
export function describeBadInput({ setup, ref }: SuiteContext): void {
  describe('bad input', () => {
    it('rejects objects without apiVersion, kind or name, leaving the store unchanged', async () => {
      const { client, ns } = await setup();
      await expectCode(
        client.apply(
          { kind: 'ConfigMap', metadata: { name: 'a', namespace: ns } },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      await expectCode(
        client.apply(
          { apiVersion: 'v1', metadata: { name: 'a', namespace: ns } },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      const e = await expectCode(
        client.apply(
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns } },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      expect(e.location.field).toBe('metadata.name');
      expect(await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns })).toEqual([]);
    });

    it('rejects invalid names, a namespace on a cluster-scoped kind and wrong field types', async () => {
      const { client, ns } = await setup();
      const bad = await expectCode(
        client.apply(configMap(ns, 'Bad_Name', {}), { fieldManager: 'm' }),
        'Invalid',
      );
      expect(bad.message).toContain('metadata.name: Invalid value: "Bad_Name"');
      await expectCode(
        client.apply(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      const scoped = await expectCode(
        client.apply(
          {
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'ClusterRole',
            metadata: { name: 'r', namespace: ns },
          },
          { fieldManager: 'm' },
        ),
        'Invalid',
      );
      expect(scoped.location.field).toBe('metadata.namespace');
      const typed = await expectCode(
        client.apply(deployment(ns, 'web', { replicas: 'three' }), { fieldManager: 'm' }),
        'Invalid',
      );
      expect(typed.location.field).toBe('spec.replicas');
      expect(await client.get(ref(ns, 'web', 'Deployment', 'apps/v1'))).toBeUndefined();
    });
  });
}
