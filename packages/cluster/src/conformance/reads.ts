import { describe, expect, it } from 'vitest';
import { configMap, expectCode, meta } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: reads. */
export function describeReads({ setup, ref }: SuiteContext): void {
  describe('reads', () => {
    it('get returns undefined for a missing object', async () => {
      const { client, ns } = await setup();
      expect(await client.get(ref(ns, 'missing'))).toBeUndefined();
    });

    it('lists by namespace and label selector', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', {}, { labels: { app: 'web', tier: 'fe' } }), {
        fieldManager: 'm',
      });
      await client.apply(configMap(ns, 'b', {}, { labels: { app: 'web', tier: 'be' } }), {
        fieldManager: 'm',
      });
      await client.apply(configMap(ns, 'c', {}, { labels: { app: 'db' } }), {
        fieldManager: 'm',
      });
      const names = async (labelSelector?: string) =>
        (
          await client.list({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: ns,
            ...(labelSelector ? { labelSelector } : {}),
          })
        )
          .map((o) => meta(o)['name'])
          .sort();
      expect(await names()).toEqual(['a', 'b', 'c']);
      expect(await names('app=web')).toEqual(['a', 'b']);
      expect(await names('app=web,tier!=fe')).toEqual(['b']);
      expect(await names('tier in (fe,be)')).toEqual(['a', 'b']);
      expect(await names('!tier')).toEqual(['c']);
      expect(await names('tier')).toEqual(['a', 'b']);
    });

    it('deletes an object; deleting a missing one is NotFound', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
      await client.delete(ref(ns, 'a'));
      expect(await client.get(ref(ns, 'a'))).toBeUndefined();
      await expectCode(client.delete(ref(ns, 'a')), 'NotFound');
    });

    it('dry-run delete keeps the object', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
      await client.delete(ref(ns, 'a'), { dryRun: true });
      expect(await client.get(ref(ns, 'a'))).toBeDefined();
    });
  });
}
