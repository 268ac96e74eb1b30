import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../cluster-client.js';
import { configMap, deployment, expectCode, managers } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: server-side apply. */
export function describeServerSideApply({ setup, ref }: SuiteContext): void {
  describe('server-side apply', () => {
    it('removes fields the manager no longer applies', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1', y: '2' }), { fieldManager: 'flux' });
      const live = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
      expect(live['data']).toEqual({ x: '1' });
    });

    it('keeps fields another manager owns', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
      await client.apply(configMap(ns, 'a', { y: '2' }), { fieldManager: 'other' });
      const live = await client.apply(configMap(ns, 'a', {}), { fieldManager: 'flux' });
      expect(live['data']).toEqual({ y: '2' });
    });

    it('conflicts name the field and the other manager; force takes ownership', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'kubectl' });
      const e = await expectCode(
        client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'flux' }),
        'Conflict',
      );
      expect(e.data?.conflicts).toEqual([{ manager: 'kubectl', field: '.data.x' }]);
      expect(e.data?.fieldManager).toBe('flux');
      expect(e.message).toContain('conflict with "kubectl"');
      expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
      const forced = await client.apply(configMap(ns, 'a', { x: '2' }), {
        fieldManager: 'flux',
        force: true,
      });
      expect(forced['data']).toEqual({ x: '2' });
      expect(managers(forced).map((m) => m.manager)).toEqual(['flux']);
    });

    it('equal values become shared ownership', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'one' });
      const live = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'two' });
      expect(
        managers(live)
          .map((m) => m.manager)
          .sort(),
      ).toEqual(['one', 'two']);
      const after = await client.apply(configMap(ns, 'a', {}), { fieldManager: 'one' });
      expect(after['data']).toEqual({ x: '1' });
    });

    it('a field changed by an Update manager conflicts with the applier', async () => {
      const { client, ns } = await setup();
      await client.apply(deployment(ns, 'web'), { fieldManager: 'flux' });
      await client.patch(
        ref(ns, 'web', 'Deployment', 'apps/v1'),
        { spec: { replicas: 5 } },
        { type: 'merge', fieldManager: 'kubectl-edit' },
      );
      const e = await expectCode(
        client.apply(deployment(ns, 'web'), { fieldManager: 'flux' }),
        'Conflict',
      );
      expect(e.data?.conflicts).toEqual([{ manager: 'kubectl-edit', field: '.spec.replicas' }]);
    });

    it('merges associative lists by their keys and replaces atomic lists', async () => {
      const { client, ns } = await setup();
      const base = deployment(ns, 'web');
      await client.apply(base, { fieldManager: 'flux' });
      const sidecar = deployment(ns, 'web', {
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'sidecar', image: 'busybox', args: ['a', 'b'] }] },
        },
      });
      delete (sidecar['spec'] as YamlMap)['replicas'];
      delete (sidecar['spec'] as YamlMap)['selector'];
      const live = await client.apply(sidecar, { fieldManager: 'injector' });
      const containers = ((live['spec'] as YamlMap)['template'] as YamlMap)['spec'] as YamlMap;
      expect((containers['containers'] as YamlMap[]).map((c) => c['name'])).toEqual([
        'main',
        'sidecar',
      ]);
      const fields = managers(live).find((m) => m.manager === 'injector')?.fields;
      expect(JSON.stringify(fields)).toContain('k:{\\"name\\":\\"sidecar\\"}');
      expect(JSON.stringify(fields)).toContain('"f:args":{}');
    });

    it('dry-run returns the would-be object without storing it', async () => {
      const { client, ns } = await setup();
      const would = await client.apply(configMap(ns, 'a', { x: '1' }), {
        fieldManager: 'm',
        dryRun: true,
      });
      expect(would['data']).toEqual({ x: '1' });
      expect(await client.get(ref(ns, 'a'))).toBeUndefined();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
      const changed = await client.apply(configMap(ns, 'a', { x: '2' }), {
        fieldManager: 'm',
        dryRun: true,
      });
      expect(changed['data']).toEqual({ x: '2' });
      expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
    });

    it('ignores status on apply of the main resource; status has its own write', async () => {
      const { client, ns } = await setup();
      const d = { ...deployment(ns, 'web'), status: { replicas: 42 } };
      const live = await client.apply(d, { fieldManager: 'flux' });
      expect((live['status'] as YamlMap | undefined)?.['replicas']).not.toBe(42);
      const current = await client.get(ref(ns, 'web', 'Deployment', 'apps/v1'));
      const written = await client.updateStatus(
        { ...current, status: { observedGeneration: 1, replicas: 7 } } as KubeObject,
        { fieldManager: 'controller' },
      );
      expect((written['status'] as YamlMap)['replicas']).toBe(7);
      expect(managers(written).find((m) => m.manager === 'controller')?.fields).toHaveProperty(
        'f:status',
      );
    });
  });
}
