import { describe, expect, test } from 'vitest';
import { planPrune, inventoryEntry } from '@kustomate/prune-planner';
import { readSsaJson } from './corpus.js';

interface SortCase {
  id: string;
  objects: { apiVersion: string; kind: string; name: string; namespace?: string }[];
  expectedApplyOrder?: string[];
  expectedDeleteOrder?: string[];
  customStageKinds?: string[];
}
const cases = readSsaJson<SortCase[]>('sort-cases.json');

describe('ssa/sort-cases.json', () => {
  test('derived-prune-order: planPrune entries follow Flux deletion order', () => {
    const c = cases.find((x) => x.id === 'derived-prune-order')!;
    const plan = planPrune({
      previous: c.objects.map(inventoryEntry),
      desired: [],
      owner: { name: 'ks', namespace: 'flux-system' },
    });
    expect(plan.entries.map((e) => e.subject)).toEqual(c.expectedDeleteOrder);
  });

  // In ssa-staged-test1 and ssa-staged-test12 the staged apply order coincides with the
  // comparator, so Flux's deletion order is exactly the reverse of the expected apply order.
  test.each(['ssa-staged-test1', 'ssa-staged-test12'])(
    '%s: deletion reverses the apply order',
    (id) => {
      const c = cases.find((x) => x.id === id)!;
      const plan = planPrune({
        previous: c.objects.map(inventoryEntry),
        desired: [],
        owner: { name: 'ks', namespace: 'flux-system' },
      });
      expect(plan.entries.map((e) => e.subject)).toEqual([...c.expectedApplyOrder!].reverse());
    },
  );
});
