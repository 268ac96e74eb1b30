import { describe, expect, test } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import {
  inventoryEntry,
  planPrune,
  planPruneAll,
  PrunePlannerError,
  type BudgetExceededData,
  type PruneOwner,
} from '@kustomate/prune-planner';

const apps: PruneOwner = { name: 'apps', namespace: 'flux-system' };
const infra: PruneOwner = { name: 'infra', namespace: 'flux-system' };

function live(
  kind: string,
  name: string,
  owner: PruneOwner | null = apps,
  extra: YamlMap = {},
): YamlMap {
  const apiVersion = kind === 'Deployment' ? 'apps/v1' : 'v1';
  const labels: YamlMap = owner
    ? {
        'kustomize.toolkit.fluxcd.io/name': owner.name,
        'kustomize.toolkit.fluxcd.io/namespace': owner.namespace,
      }
    : {};
  const namespace = kind === 'Namespace' ? {} : { namespace: 'default' };
  return { apiVersion, kind, metadata: { name, ...namespace, labels, ...extra } };
}

describe('planPrune', () => {
  const objects = [
    live('Deployment', 'web'),
    live('Service', 'web'),
    live('ConfigMap', 'old'),
    live('Namespace', 'team'),
    live('Secret', 'pinned', apps, {
      annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'disabled' },
    }),
    live('Secret', 'frozen', apps, {
      annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': 'Disabled' },
    }),
    live('Secret', 'ignored', apps, {
      annotations: { 'kustomize.toolkit.fluxcd.io/ssa': 'ignore' },
    }),
    live('Service', 'moved', infra),
    live('Service', 'unlabelled', null),
  ];
  const previous = [...objects.map(inventoryEntry), { id: 'default_gone__ConfigMap', v: 'v1' }];

  test('each stale object gets an action and a reason, in deletion order', () => {
    const plan = planPrune({
      previous,
      desired: [objects[0]!, objects[1]!],
      live: objects,
      owner: apps,
    });
    expect(plan.entries.map((e) => [e.subject, e.action, e.reason])).toEqual([
      ['Service/default/unlabelled', 'skip', 'OwnerLabelsMissing'],
      ['Service/default/moved', 'skip', 'OwnedByOther'],
      ['Secret/default/pinned', 'skip', 'PruneDisabled'],
      ['Secret/default/ignored', 'skip', 'SsaIgnore'],
      ['Secret/default/frozen', 'skip', 'ReconcileDisabled'],
      ['ConfigMap/default/old', 'delete', 'Stale'],
      ['Namespace/team', 'delete', 'Stale'],
    ]);
    expect(plan.gone).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', namespace: 'default' },
    ]);
    expect(plan.entries.every((e) => e.verified)).toBe(true);
    expect(plan.authorized).toBe(true);
    expect(plan.budget).toEqual({ deletions: 2, exceeded: false });
  });

  test('objects still in the build are never stale, whatever their version', () => {
    const hpa = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      name: 'h',
      namespace: 'd',
    };
    const plan = planPrune({
      previous: [{ id: 'd_h_autoscaling_HorizontalPodAutoscaler', v: 'v1' }],
      desired: [hpa],
      owner: apps,
    });
    expect(plan.entries).toEqual([]);
  });

  test('without live objects deletions are unverified', () => {
    const plan = planPrune({ previous: [inventoryEntry(objects[2]!)], desired: [], owner: apps });
    expect(plan.entries).toMatchObject([{ action: 'delete', reason: 'Stale', verified: false }]);
  });

  test('corrupt inventory entries are reported and skipped', () => {
    const plan = planPrune({
      previous: [
        { id: 'default_x_', v: 'v1' },
        { id: 'garbage', v: 'v1' },
        inventoryEntry(objects[2]!),
      ],
      desired: [],
      live: objects,
      owner: apps,
    });
    expect(plan.invalid.map((i) => i.entry.id)).toEqual(['default_x_', 'garbage']);
    expect(plan.entries.map((e) => e.subject)).toEqual(['ConfigMap/default/old']);
  });

  test('a deletion budget refuses the plan and lists what it would delete', () => {
    const input = { previous, desired: [], live: objects, owner: apps };
    let error: unknown;
    try {
      planPrune({ ...input, policy: { maxDeletions: 1 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrunePlannerError);
    const err = error as PrunePlannerError<BudgetExceededData>;
    expect(err.code).toBe('DeletionBudgetExceeded');
    expect(err.data).toEqual({
      limit: 1,
      inventorySize: previous.length,
      wouldDelete: [
        'Deployment/default/web',
        'Service/default/web',
        'ConfigMap/default/old',
        'Namespace/team',
      ],
    });
    // 40% of 10 entries = 4 deletions: allowed.
    expect(planPrune({ ...input, policy: { maxDeletions: '40%' } }).budget).toEqual({
      limit: 4,
      deletions: 4,
      exceeded: false,
    });
    expect(() => planPrune({ ...input, policy: { maxDeletions: '30%' } })).toThrow(
      expect.objectContaining({ code: 'DeletionBudgetExceeded' }),
    );
  });

  test('confirm mode returns the plan unauthorised, even over budget', () => {
    const plan = planPrune({
      previous,
      desired: [],
      live: objects,
      owner: apps,
      policy: { maxDeletions: 0, confirm: true },
    });
    expect(plan.authorized).toBe(false);
    expect(plan.budget).toEqual({ limit: 0, deletions: 4, exceeded: true });
  });

  test('an invalid budget is a typed error', () => {
    for (const maxDeletions of [-1, 1.5, '150%', 'lots'] as const) {
      expect(() =>
        planPrune({
          previous,
          desired: [],
          owner: apps,
          policy: { maxDeletions: maxDeletions as never },
        }),
      ).toThrow(expect.objectContaining({ code: 'InvalidPolicy' }));
    }
  });
});

describe('hand-over across Kustomizations reconciled together (kustomize-controller#338)', () => {
  const moving = live('ConfigMap', 'shared', apps);

  test('an object moving to a sibling is never deleted, even with our labels still on it', () => {
    const [fromApps, fromInfra] = planPruneAll([
      { previous: [inventoryEntry(moving)], desired: [], live: [moving], owner: apps },
      { previous: [], desired: [moving], live: [moving], owner: infra },
    ]);
    expect(fromApps!.entries).toMatchObject([
      {
        subject: 'ConfigMap/default/shared',
        action: 'skip',
        reason: 'HandedOver',
        handedOverTo: infra,
      },
    ]);
    expect(fromInfra!.entries).toEqual([]);
  });

  test('alone, the same plan would delete it', () => {
    const plan = planPrune({
      previous: [inventoryEntry(moving)],
      desired: [],
      live: [moving],
      owner: apps,
    });
    expect(plan.entries).toMatchObject([{ action: 'delete' }]);
  });
});
