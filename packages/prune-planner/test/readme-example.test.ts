/** The README example, asserted as written. */
import { expect, test } from 'vitest';
import { createInventory, planPrune } from '@kustomate/prune-planner';

test('README example', () => {
  const previous = createInventory([
    {
      object: { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'app' },
      action: 'created',
    },
    {
      object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'old', namespace: 'app' },
      action: 'unchanged',
    },
  ]);
  const owner = { name: 'apps', namespace: 'flux-system' };
  const live = [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'old',
        namespace: 'app',
        labels: {
          'kustomize.toolkit.fluxcd.io/name': 'apps',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        },
      },
    },
  ];
  const plan = planPrune({
    previous,
    desired: [{ apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'app' }],
    live,
    owner,
    policy: { maxDeletions: '50%' },
  });
  expect(plan.entries).toMatchObject([
    { subject: 'ConfigMap/app/old', action: 'delete', reason: 'Stale' },
  ]);
});
