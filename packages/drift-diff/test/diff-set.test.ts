import { describe, expect, test } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import { diffSet } from '@kustomate/drift-diff';

const owner = { name: 'apps', namespace: 'flux-system' };
const ownerLabels = {
  'kustomize.toolkit.fluxcd.io/name': 'apps',
  'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
};

function obj(kind: string, name: string, meta: YamlMap = {}, extra: YamlMap = {}): YamlMap {
  const apiVersion = kind === 'Kustomization' ? 'kustomize.toolkit.fluxcd.io/v1' : 'v1';
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'default', labels: { ...ownerLabels }, ...meta },
    ...extra,
  };
}

describe('diffSet', () => {
  test('never hides a deletion and never shows a protected object as deleted', () => {
    const desired = [obj('ConfigMap', 'kept', {}, { data: { a: '1' } })];
    const live = [
      obj('ConfigMap', 'kept', {}, { data: { a: '0' } }),
      obj('Service', 'old'),
      obj('Service', 'pinned', {
        annotations: { 'kustomize.toolkit.fluxcd.io/prune': 'Disabled' },
      }),
      obj('Service', 'frozen', {
        annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' },
      }),
      obj('Service', 'ignored', {
        labels: { ...ownerLabels, 'kustomize.toolkit.fluxcd.io/ssa': 'Ignore' },
      }),
      obj('Service', 'adopted', {
        labels: { ...ownerLabels, 'kustomize.toolkit.fluxcd.io/name': 'other' },
      }),
      obj('Service', 'foreign', { labels: {} }),
    ];
    const set = diffSet(desired, live, { owner });
    expect(set.changes.map((c) => [c.subject, c.action])).toEqual([
      ['ConfigMap/default/kept', 'update'],
    ]);
    expect(set.pruned.map((p) => p.subject)).toEqual(['Service/default/old']);
    expect(set.protected.map((p) => [p.subject, p.reason])).toEqual([
      ['Service/default/pinned', 'PruneAnnotation'],
      ['Service/default/frozen', 'ReconcileDisabled'],
      ['Service/default/ignored', 'SsaIgnore'],
      ['Service/default/adopted', 'OwnedByOther'],
      ['Service/default/foreign', 'OwnerLabelsMissing'],
    ]);
    expect(set.summary).toEqual({
      create: 0,
      update: 1,
      none: 0,
      exclude: 0,
      delete: 1,
      protected: 5,
    });
  });

  test('with pruning off nothing is deleted', () => {
    const set = diffSet([], [obj('Service', 'old')], { prune: false });
    expect(set.pruned).toEqual([]);
    expect(set.protected.map((p) => p.reason)).toEqual(['PruneDisabled']);
  });

  test('a removed child Kustomization with prune flags its cascade (flux2#6042)', () => {
    const child = obj('Kustomization', 'child', {}, { spec: { prune: true } });
    const set = diffSet([], [child], { owner });
    expect(set.pruned).toEqual([
      {
        subject: 'Kustomization/default/child',
        ref: {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          name: 'child',
          namespace: 'default',
        },
        cascades: true,
      },
    ]);
  });

  test('objects match across API versions', () => {
    const desired = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { maxReplicas: 3 },
    };
    const live = { ...desired, apiVersion: 'autoscaling/v1' };
    const set = diffSet([desired], [live]);
    expect(set.changes[0]!.action).toBe('none');
    expect(set.pruned).toEqual([]);
  });
});

describe('diffSet bad input', () => {
  test('all invalid desired objects are reported together', () => {
    let error: unknown;
    try {
      diffSet(
        [
          { apiVersion: 'v1', kind: 'ConfigMap' },
          obj('ConfigMap', 'ok'),
          { metadata: { name: 'x' } },
        ],
        [],
      );
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'InvalidObject' });
    const data = (error as { data: { failures: { index: number }[] } }).data;
    expect(data.failures.map((f) => f.index)).toEqual([0, 2]);
  });
});
