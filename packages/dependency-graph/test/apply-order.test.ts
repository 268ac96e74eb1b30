import type { ObjectRef } from '@kustomate/resource';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLY_STAGES,
  compareApplyOrder,
  applyStages,
  applyOrder,
  pruneOrder,
} from '../src/index.js';

const kinds = [
  'Namespace',
  'ConfigMap',
  'Deployment',
  'StorageClass',
  'Widget',
  'ClusterRole',
  'ValidatingWebhookConfiguration',
  'Role',
];
const ref: fc.Arbitrary<ObjectRef> = fc.record({
  apiVersion: fc.constantFrom(
    'v1',
    'apps/v1',
    'rbac.authorization.k8s.io/v1',
    'example.com/v1',
    'storage.k8s.io/v1',
  ),
  kind: fc.constantFrom(...kinds),
  name: fc.constantFrom('a', 'b', 'c'),
  namespace: fc.constantFrom('', 'x', 'y'),
});
const key = (r: ObjectRef): string => `${r.apiVersion}|${r.kind}|${r.namespace ?? ''}|${r.name}`;
const distinct = fc.uniqueArray(ref, { selector: key, maxLength: 30 });

describe('apply order', () => {
  it('does not depend on input order', () => {
    fc.assert(
      fc.property(distinct, (refs) => {
        expect(applyOrder([...refs].reverse()).map(key)).toEqual(applyOrder(refs).map(key));
      }),
    );
  });

  it('prunes in the exact reverse of the apply order', () => {
    fc.assert(
      fc.property(distinct, (refs) => {
        expect(pruneOrder(refs).map(key)).toEqual(applyOrder(refs).reverse().map(key));
      }),
    );
  });

  it('puts every object in exactly one stage, in stage order', () => {
    fc.assert(
      fc.property(
        distinct,
        fc.subarray(['Widget', 'apps/Deployment', 'ConfigMap']),
        (refs, custom) => {
          const stages = applyStages(refs, { customStageKinds: custom });
          expect(stages.map((s) => s.stage)).toEqual(APPLY_STAGES.map((s) => s.stage));
          expect(
            stages
              .flatMap((s) => s.items)
              .map(key)
              .sort(),
          ).toEqual(refs.map(key).sort());
          for (const s of stages) {
            for (let i = 1; i < s.items.length; i++) {
              const [prev, cur] = [s.items[i - 1], s.items[i]];
              if (prev && cur) expect(compareApplyOrder(prev, cur)).toBeLessThanOrEqual(0);
            }
          }
        },
      ),
    );
  });

  it('keeps extra fields of the items it sorts', () => {
    const items = [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'a', object: { id: 1 } },
      { apiVersion: 'v1', kind: 'Namespace', name: 'a', object: { id: 2 } },
    ];
    expect(applyOrder(items).map((i) => i.object.id)).toEqual([2, 1]);
  });

  it('stages only core v1 Namespaces and RBAC ClusterRoles as definitions', () => {
    const stages = applyStages([
      { apiVersion: 'example.com/v1', kind: 'Namespace', name: 'fake' },
      { apiVersion: 'example.com/v1', kind: 'ClusterRole', name: 'fake' },
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        name: 'x.example.com',
      },
    ]);
    expect(stages.map((s) => s.items.map((i) => `${i.apiVersion} ${i.kind}`))).toEqual([
      ['apiextensions.k8s.io/v1 CustomResourceDefinition'],
      [],
      [],
      ['example.com/v1 Namespace', 'example.com/v1 ClusterRole'],
    ]);
  });

  it('matches core-group custom stage kinds by kind alone', () => {
    const stages = applyStages(
      [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', namespace: 'a' },
        { apiVersion: 'example.com/v1', kind: 'ConfigMap', name: 'c', namespace: 'a' },
      ],
      { customStageKinds: ['ConfigMap'] },
    );
    expect(stages[2]?.items.map((i) => i.apiVersion)).toEqual(['v1']);
    expect(stages[3]?.items.map((i) => i.apiVersion)).toEqual(['example.com/v1']);
  });
});
