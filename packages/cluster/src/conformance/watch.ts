import { describe, expect, it } from 'vitest';
import { configMap, meta } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: watch. */
export function describeWatch({ setup, ref }: SuiteContext): void {
  describe('watch', () => {
    it('streams ADDED, MODIFIED and DELETED events of a kind', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
      const controller = new AbortController();
      const events: string[] = [];
      const done = (async () => {
        for await (const e of client.watch({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          namespace: ns,
          signal: controller.signal,
        })) {
          events.push(`${e.type} ${String(meta(e.object)['name'])}`);
          if (e.type === 'DELETED') break;
        }
      })();
      await client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'm' });
      await client.apply(configMap(ns, 'b', {}), { fieldManager: 'm' });
      await client.delete(ref(ns, 'a'));
      await done;
      controller.abort();
      expect(events).toEqual(['ADDED a', 'MODIFIED a', 'ADDED b', 'DELETED a']);
    });
  });
}
