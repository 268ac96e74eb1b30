import { describe, expect, it } from 'vitest';
import { expectCode } from './suite-helpers.js';
import type { SuiteContext } from './suite-helpers.js';

/** Conformance: discovery. */
export function describeDiscovery({ setup }: SuiteContext): void {
  describe('discovery', () => {
    it('describes built-in kinds: scope, plural, versions', async () => {
      const { client } = await setup();
      expect(await client.resourceFor('apps/v1', 'Deployment')).toMatchObject({
        group: 'apps',
        kind: 'Deployment',
        plural: 'deployments',
        namespaced: true,
      });
      expect((await client.resourceFor('v1', 'Namespace')).namespaced).toBe(false);
      const all = await client.discover();
      expect(all.find((r) => r.kind === 'ConfigMap')?.versions).toContain('v1');
    });

    it('an unknown kind is NoKindMatch', async () => {
      const { client, ns } = await setup();
      const e = await expectCode(
        client.apply(
          {
            apiVersion: 'example.com/v1',
            kind: 'Widget',
            metadata: { name: 'w', namespace: ns },
          },
          { fieldManager: 'm' },
        ),
        'NoKindMatch',
      );
      expect(e.message).toBe('no matches for kind "Widget" in version "example.com/v1"');
    });
  });
}
