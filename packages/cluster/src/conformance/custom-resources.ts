import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../cluster-client.js';
import { uniqueName } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: CustomResourceDefinitions. */
export function describeCustomResources({ setup, options }: SuiteContext): void {
  describe('CustomResourceDefinitions', () => {
    it('serves the kinds of an applied CRD, with its list-map keys', async () => {
      const { client, ns } = await setup();
      const group = `${uniqueName('g')}.example.com`;
      await client.apply(
        {
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          metadata: { name: `widgets.${group}` },
          spec: {
            group,
            scope: 'Namespaced',
            names: {
              kind: 'Widget',
              plural: 'widgets',
              singular: 'widget',
              listKind: 'WidgetList',
            },
            versions: [
              {
                name: 'v1',
                served: true,
                storage: true,
                subresources: { status: {} },
                schema: {
                  openAPIV3Schema: {
                    type: 'object',
                    properties: {
                      spec: {
                        type: 'object',
                        properties: {
                          items: {
                            type: 'array',
                            'x-kubernetes-list-type': 'map',
                            'x-kubernetes-list-map-keys': ['id'],
                            items: {
                              type: 'object',
                              properties: { id: { type: 'string' }, v: { type: 'string' } },
                            },
                          },
                        },
                      },
                      status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                    },
                  },
                },
              },
            ],
          },
        },
        { fieldManager: 'm' },
      );
      if (options.settle) await options.settle(client);
      expect(await client.resourceFor(`${group}/v1`, 'Widget')).toMatchObject({
        plural: 'widgets',
        namespaced: true,
        versions: ['v1'],
      });
      const widget = (items: YamlMap[]): KubeObject => ({
        apiVersion: `${group}/v1`,
        kind: 'Widget',
        metadata: { name: 'w', namespace: ns },
        spec: { items },
      });
      await client.apply(widget([{ id: 'a', v: '1' }]), { fieldManager: 'one' });
      const live = await client.apply(widget([{ id: 'b', v: '2' }]), { fieldManager: 'two' });
      expect(((live['spec'] as YamlMap)['items'] as YamlMap[]).map((i) => i['id'])).toEqual([
        'a',
        'b',
      ]);
      const crd = await client.get({
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        name: `widgets.${group}`,
      });
      const conditions = ((crd?.['status'] as YamlMap)['conditions'] as YamlMap[]).map((c) => [
        c['type'],
        c['status'],
      ]);
      expect(conditions).toContainEqual(['Established', 'True']);
    });
  });
}
