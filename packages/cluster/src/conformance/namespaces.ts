import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { configMap, expectCode } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: namespaces. */
export function describeNamespaces({ setup, ref, options }: SuiteContext): void {
  describe('namespaces', () => {
    it('namespaced objects need their Namespace', async () => {
      const { client } = await setup();
      const e = await expectCode(
        client.apply(configMap('nope-missing', 'a', {}), { fieldManager: 'm' }),
        'NotFound',
      );
      expect(e.message).toBe('namespaces "nope-missing" not found');
    });

    it('deleting a Namespace removes its contents', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
      await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns });
      if (options.settle) await options.settle(client);
      expect(await client.get(ref(ns, 'a'))).toBeUndefined();
    });

    it('a Namespace with finalized contents stays Terminating and refuses new content', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'held', {}, { finalizers: ['example.com/hold'] }), {
        fieldManager: 'm',
      });
      await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns });
      const live = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns });
      expect((live?.['status'] as YamlMap)['phase']).toBe('Terminating');
      await expectCode(client.apply(configMap(ns, 'new', {}), { fieldManager: 'm' }), 'Forbidden');
      await client.patch(
        ref(ns, 'held'),
        { metadata: { finalizers: null } },
        { type: 'merge', fieldManager: 'm' },
      );
      expect(await client.get(ref(ns, 'held'))).toBeUndefined();
      expect(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns })).toBeUndefined();
    });
  });
}
