import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { YamlMap } from '@kustomate/resource';
import {
  compareApplyOrder,
  inventoryEntry,
  inventoryId,
  kindRank,
  objMetadataOf,
  parseInventoryId,
  planPrune,
  type PruneOwner,
} from '@kustomate/prune-planner';

const owners: PruneOwner[] = [
  { name: 'apps', namespace: 'flux-system' },
  { name: 'infra', namespace: 'flux-system' },
  { name: 'apps', namespace: 'other' },
];
const kinds = fc.constantFrom(
  ['v1', 'Namespace'],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
  ['v1', 'ConfigMap'],
  ['apps/v1', 'Deployment'],
  ['example.com/v1', 'Widget'],
  ['example.com/v1', 'FooClass'],
  ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
);
const liveObject: fc.Arbitrary<YamlMap> = fc
  .record({
    kind: kinds,
    name: fc.constantFrom('a', 'b', 'c', 'd'),
    namespace: fc.constantFrom('', 'x', 'y'),
    owner: fc.option(fc.constantFrom(...owners), { nil: undefined }),
    annotation: fc.option(
      fc.constantFrom(
        ['kustomize.toolkit.fluxcd.io/prune', 'disabled'],
        ['kustomize.toolkit.fluxcd.io/ssa', 'Ignore'],
        ['kustomize.toolkit.fluxcd.io/reconcile', 'disabled'],
        ['kustomize.toolkit.fluxcd.io/ssa', 'Merge'],
      ),
      { nil: undefined },
    ),
  })
  .map(({ kind: [apiVersion, kind], name, namespace, owner, annotation }) => ({
    apiVersion: apiVersion!,
    kind: kind!,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: owner
        ? {
            'kustomize.toolkit.fluxcd.io/name': owner.name,
            'kustomize.toolkit.fluxcd.io/namespace': owner.namespace,
          }
        : {},
      ...(annotation ? { annotations: { [annotation[0]!]: annotation[1]! } } : {}),
    },
  }));

const scenario = fc.record({
  live: fc.uniqueArray(liveObject, { maxLength: 25, selector: inventoryId }),
  desiredMask: fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
});

const ME = owners[0]!;

describe('prune-planner laws', () => {
  test('a plan never deletes a desired object nor one whose owner labels name someone else', () => {
    fc.assert(
      fc.property(scenario, ({ live, desiredMask }) => {
        const desired = live.filter((_, i) => desiredMask[i]);
        const plan = planPrune({ previous: live.map(inventoryEntry), desired, live, owner: ME });
        const desiredIds = new Set(desired.map(inventoryId));
        for (const e of plan.entries.filter((x) => x.action === 'delete')) {
          expect(desiredIds.has(e.id)).toBe(false);
          const obj = live.find((o) => inventoryId(o) === e.id)!;
          const labels = (obj['metadata'] as YamlMap)['labels'] as Record<string, string>;
          expect(labels['kustomize.toolkit.fluxcd.io/name']).toBe(ME.name);
          expect(labels['kustomize.toolkit.fluxcd.io/namespace']).toBe(ME.namespace);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('deletion order respects the stages: reverse apply order, Namespaces and CRDs last', () => {
    fc.assert(
      fc.property(fc.uniqueArray(liveObject, { maxLength: 25, selector: inventoryId }), (live) => {
        const plan = planPrune({ previous: live.map(inventoryEntry), desired: [], owner: ME });
        const metas = plan.entries.map((e) => e.meta);
        for (let i = 1; i < metas.length; i++) {
          expect(compareApplyOrder(metas[i - 1]!, metas[i]!)).toBeGreaterThan(0);
        }
        const lastKinds = new Set(['Namespace', 'CustomResourceDefinition']);
        const firstDefinition = metas.findIndex((m) => lastKinds.has(m.kind));
        if (firstDefinition >= 0) {
          expect(metas.slice(firstDefinition).every((m) => lastKinds.has(m.kind))).toBe(true);
        }
        expect(kindRank('CustomResourceDefinition')).toBeLessThan(kindRank('Namespace'));
      }),
      { numRuns: 300 },
    );
  });

  test('inventory ids round-trip for names without underscores', () => {
    const part = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,10}$/);
    fc.assert(
      fc.property(
        part,
        fc.option(part, { nil: undefined }),
        fc.constantFrom('', 'apps', 'example.com'),
        fc.stringMatching(/^[A-Z][A-Za-z]{0,8}$/),
        (name, namespace, group, kind) => {
          const meta = { name, namespace: namespace ?? '', group, kind };
          expect(parseInventoryId(inventoryId(meta))).toEqual(meta);
          expect(objMetadataOf(meta)).toEqual(meta);
        },
      ),
    );
  });
});
