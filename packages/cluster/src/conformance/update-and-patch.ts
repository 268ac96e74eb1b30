import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../cluster-client.js';
import { configMap, deployment, expectCode, managers } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: update and patch. */
export function describeUpdateAndPatch({ setup, ref }: SuiteContext): void {
  describe('update and patch', () => {
    it('records update and patch as Update operations', async () => {
      const { client, ns } = await setup();
      await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
      const merged = await client.patch(
        ref(ns, 'a'),
        { data: { y: '2' } },
        { type: 'merge', fieldManager: 'kubectl-patch' },
      );
      expect(merged['data']).toEqual({ x: '1', y: '2' });
      expect(managers(merged).find((m) => m.manager === 'kubectl-patch')).toMatchObject({
        operation: 'Update',
        fields: { 'f:data': { 'f:y': {} } },
      });
      const json = await client.patch(
        ref(ns, 'a'),
        [{ op: 'replace', path: '/data/y', value: '3' }],
        { type: 'json', fieldManager: 'kubectl-patch' },
      );
      expect(json['data']).toEqual({ x: '1', y: '3' });
      const current = await client.get(ref(ns, 'a'));
      const updated = await client.update(
        { ...current, data: { x: '1', y: '3', z: '4' } } as KubeObject,
        { fieldManager: 'kubectl-edit' },
      );
      expect(managers(updated).find((m) => m.manager === 'kubectl-edit')).toMatchObject({
        operation: 'Update',
        fields: { 'f:data': { 'f:z': {} } },
      });
    });

    it('strategic merge patches lists by merge key', async () => {
      const { client, ns } = await setup();
      await client.apply(deployment(ns, 'web'), { fieldManager: 'flux' });
      const patched = await client.patch(
        ref(ns, 'web', 'Deployment', 'apps/v1'),
        {
          spec: {
            template: {
              spec: {
                containers: [
                  { name: 'main', image: 'nginx:2' },
                  { name: 'extra', image: 'busybox' },
                ],
              },
            },
          },
        },
        { type: 'strategic', fieldManager: 'kubectl' },
      );
      const containers = (((patched['spec'] as YamlMap)['template'] as YamlMap)['spec'] as YamlMap)[
        'containers'
      ] as YamlMap[];
      expect(containers.map((c) => [c['name'], c['image']])).toEqual([
        ['main', 'nginx:2'],
        ['extra', 'busybox'],
      ]);
    });

    it('update with a stale resourceVersion is Conflict', async () => {
      const { client, ns } = await setup();
      const first = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
      await client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'm' });
      await expectCode(
        client.update({ ...first, data: { x: '3' } }, { fieldManager: 'e' }),
        'Conflict',
      );
    });

    it('create of an existing object is AlreadyExists; update of a missing one NotFound', async () => {
      const { client, ns } = await setup();
      await client.create(configMap(ns, 'a', {}), { fieldManager: 'm' });
      await expectCode(
        client.create(configMap(ns, 'a', {}), { fieldManager: 'm' }),
        'AlreadyExists',
      );
      await expectCode(client.update(configMap(ns, 'b', {}), { fieldManager: 'm' }), 'NotFound');
    });
  });
}
