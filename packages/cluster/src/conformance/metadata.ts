import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { configMap, deployment, meta } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: metadata. */
export function describeMetadata({ setup, ref }: SuiteContext): void {
  describe('metadata', () => {
    it('sets uid, resourceVersion, generation and creationTimestamp on create', async () => {
      const { client, ns } = await setup();
      const live = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
      const m = meta(live);
      expect(typeof m['uid']).toBe('string');
      expect(typeof m['resourceVersion']).toBe('string');
      expect(m['creationTimestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(await client.get(ref(ns, 'a'))).toEqual(live);
    });

    it('changes resourceVersion on every write and keeps it on a no-op apply', async () => {
      const { client, ns } = await setup();
      const first = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
      const same = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
      expect(meta(same)['resourceVersion']).toBe(meta(first)['resourceVersion']);
      const changed = await client.apply(configMap(ns, 'a', { k: 'w' }), { fieldManager: 'm' });
      expect(meta(changed)['resourceVersion']).not.toBe(meta(first)['resourceVersion']);
      expect(meta(changed)['uid']).toBe(meta(first)['uid']);
    });

    it('bumps generation on spec changes only, not on label or annotation changes', async () => {
      const { client, ns } = await setup();
      const d = deployment(ns, 'web');
      const first = await client.apply(d, { fieldManager: 'm' });
      expect(meta(first)['generation']).toBe(1);
      const labelled = await client.apply(
        { ...d, metadata: { ...meta(d), labels: { x: 'y' }, annotations: { a: 'b' } } },
        { fieldManager: 'm' },
      );
      expect(meta(labelled)['generation']).toBe(1);
      const scaled = await client.apply(deployment(ns, 'web', { replicas: 3 }), {
        fieldManager: 'm',
      });
      expect(meta(scaled)['generation']).toBe(2);
    });

    it('records managedFields in FieldsV1 with manager, operation, apiVersion and time', async () => {
      const { client, ns } = await setup();
      const live = await client.apply(configMap(ns, 'a', { k: 'v' }, { labels: { app: 'x' } }), {
        fieldManager: 'flux',
      });
      const entry = (meta(live)['managedFields'] as YamlMap[]).find((e) => e['manager'] === 'flux');
      expect(entry).toMatchObject({
        manager: 'flux',
        operation: 'Apply',
        apiVersion: 'v1',
        fieldsType: 'FieldsV1',
      });
      expect(entry?.['time']).toMatch(/Z$/);
      expect(entry?.['fieldsV1']).toEqual({
        'f:data': { 'f:k': {} },
        'f:metadata': { 'f:labels': { 'f:app': {} } },
      });
    });
  });
}
