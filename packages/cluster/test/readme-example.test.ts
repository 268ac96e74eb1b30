import { describe, expect, it } from 'vitest';
import { ClusterError, createMemoryCluster } from '../src/index.js';

describe('README example', () => {
  it('runs as written: apply, hand edit, conflict, forced apply', async () => {
    const cluster = createMemoryCluster();
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'default' },
      data: { mode: 'fast' },
    };
    await cluster.apply(cm, { fieldManager: 'kustomize-controller' });
    await cluster.patch(
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings' },
      { data: { mode: 'safe' } },
      { type: 'merge', fieldManager: 'kubectl-edit' },
    );
    let conflicts: unknown;
    try {
      await cluster.apply(
        { ...cm, data: { mode: 'turbo' } },
        { fieldManager: 'kustomize-controller' },
      );
    } catch (e) {
      if (e instanceof ClusterError && e.code === 'Conflict') conflicts = e.data?.conflicts;
    }
    expect(conflicts).toEqual([{ manager: 'kubectl-edit', field: '.data.mode' }]);
    const live = await cluster.apply(
      { ...cm, data: { mode: 'turbo' } },
      { fieldManager: 'kustomize-controller', force: true },
    );
    expect(live['data']).toEqual({ mode: 'turbo' });
  });
});
