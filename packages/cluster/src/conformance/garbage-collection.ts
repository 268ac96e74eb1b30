import { describe, expect, it } from 'vitest';
import { configMap, meta } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: finalizers and garbage collection. */
export function describeGarbageCollection({ setup, ref, options }: SuiteContext): void {
  describe('finalizers and garbage collection', () => {
    it('an object with finalizers gets a deletionTimestamp and goes when they are removed', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', {}, { finalizers: ['example.com/x'] }), {
        fieldManager: 'm',
      });
      const deleting = await client.delete(ref(ns, 'a'));
      expect(meta(deleting)['deletionTimestamp']).toBeTypeOf('string');
      await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
      expect(await client.get(ref(ns, 'a'))).toBeUndefined();
    });

    const owned = async (policy: 'Background' | 'Foreground' | 'Orphan') => {
      const { client, ns } = await setup();
      const owner = await client.apply(configMap(ns, 'owner', {}), { fieldManager: 'm' });
      const ownerRef = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        name: 'owner',
        uid: meta(owner)['uid'] as string,
      };
      await client.apply(configMap(ns, 'child', {}, { ownerReferences: [ownerRef] }), {
        fieldManager: 'm',
      });
      await client.delete(ref(ns, 'owner'), { propagationPolicy: policy });
      if (options.settle) await options.settle(client);
      return {
        client,
        child: await client.get(ref(ns, 'child')),
        owner: await client.get(ref(ns, 'owner')),
      };
    };

    it('Background deletes dependents', async () => {
      const { child, owner } = await owned('Background');
      expect(owner).toBeUndefined();
      expect(child).toBeUndefined();
    });

    it('Foreground deletes dependents, then the owner', async () => {
      const { child, owner } = await owned('Foreground');
      expect(child).toBeUndefined();
      expect(owner).toBeUndefined();
    });

    it('Orphan keeps dependents and drops their owner reference', async () => {
      const { child, owner } = await owned('Orphan');
      expect(owner).toBeUndefined();
      expect(child).toBeDefined();
      expect(meta(child)['ownerReferences']).toBeUndefined();
    });
  });
}
