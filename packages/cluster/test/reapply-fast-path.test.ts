import { describe, expect, it } from 'vitest';
import { ClusterError, createMemoryCluster } from '../src/index.js';

const cm = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: 'default' },
  data: { mode: 'fast' },
};
const ref = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'settings' };

describe('unchanged re-apply', () => {
  it('is a no-op that keeps the resourceVersion', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const first = await cluster.apply(cm, { fieldManager: 'flux' });
    const again = await cluster.apply(structuredClone(cm), { fieldManager: 'flux' });
    expect(again.metadata).toEqual(first.metadata);
  });

  it('still sees a change made by another manager in between', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(cm, { fieldManager: 'flux' });
    await cluster.patch(
      ref,
      { data: { mode: 'safe' } },
      { type: 'merge', fieldManager: 'kubectl-edit' },
    );
    const err = await cluster.apply(cm, { fieldManager: 'flux' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterError);
    expect((err as ClusterError).code).toBe('Conflict');
  });

  it('is not taken by another manager applying the same configuration', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(cm, { fieldManager: 'flux' });
    const other = await cluster.apply(cm, { fieldManager: 'other' });
    const managers = (other.metadata as { managedFields: { manager: string }[] }).managedFields.map(
      (m) => m.manager,
    );
    expect(managers.sort()).toEqual(['flux', 'other']);
  });
});
