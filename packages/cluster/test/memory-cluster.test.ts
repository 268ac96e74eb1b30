import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { ClusterError, createMemoryCluster } from '../src/index.js';
import type { KubeObject } from '../src/index.js';
import { CLUSTER_FILE, openClusterDirectory, readClusterDirectory } from '../src/node.js';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    progressDeadlineSeconds: 60,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  },
};

function condition(object: KubeObject | undefined, type: string): YamlMap | undefined {
  const conditions = ((object?.['status'] as YamlMap | undefined)?.['conditions'] ??
    []) as YamlMap[];
  return conditions.find((c) => c['type'] === type);
}

describe('workload simulator', () => {
  it('reports a Deployment in progress at once and available after settling', async () => {
    const cluster = createMemoryCluster();
    const live = await cluster.apply(deployment, { fieldManager: 'flux' });
    expect(live['status']).toMatchObject({ observedGeneration: 1, updatedReplicas: 0 });
    await cluster.settle();
    const ready = await cluster.get(ref);
    expect(ready?.['status']).toMatchObject({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      updatedReplicas: 2,
    });
    expect(condition(ready, 'Available')?.['status']).toBe('True');
  });

  it('can make a Deployment fail with ProgressDeadlineExceeded or stay in progress', async () => {
    const cluster = createMemoryCluster();
    cluster.setOutcome({ kind: 'Deployment', name: 'web' }, 'failed');
    await cluster.apply(deployment, { fieldManager: 'flux' });
    await cluster.settle();
    expect(condition(await cluster.get(ref), 'Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
    });
    const stuck = createMemoryCluster({
      simulator: { outcomes: [{ kind: 'Deployment', name: 'web', outcome: 'progressing' }] },
    });
    await stuck.apply(deployment, { fieldManager: 'flux' });
    await stuck.settle();
    expect((await stuck.get(ref))?.['status']).toMatchObject({ readyReplicas: 0 });
  });

  it('moves Jobs, PVCs, Pods, StatefulSets, DaemonSets and LoadBalancer Services to ready', async () => {
    const cluster = createMemoryCluster();
    const ns = { namespace: 'default' };
    const objects: KubeObject[] = [
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name: 'j', ...ns },
        spec: { template: { spec: { containers: [{ name: 'c', image: 'x' }] } } },
      },
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'p', ...ns },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pod', ...ns },
        spec: { containers: [{ name: 'c', image: 'x' }] },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: { name: 's', ...ns },
        spec: {
          replicas: 1,
          serviceName: 's',
          selector: { matchLabels: { a: 'b' } },
          template: {
            metadata: { labels: { a: 'b' } },
            spec: { containers: [{ name: 'c', image: 'x' }] },
          },
        },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'd', ...ns },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: {
            metadata: { labels: { a: 'b' } },
            spec: { containers: [{ name: 'c', image: 'x' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'lb', ...ns },
        spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
      },
    ];
    for (const o of objects) await cluster.apply(o, { fieldManager: 'flux' });
    await cluster.settle();
    const get = (apiVersion: string, kind: string, name: string) =>
      cluster.get({ apiVersion, kind, name, namespace: 'default' });
    expect(condition(await get('batch/v1', 'Job', 'j'), 'Complete')?.['status']).toBe('True');
    expect((await get('v1', 'PersistentVolumeClaim', 'p'))?.['status']).toMatchObject({
      phase: 'Bound',
    });
    expect((await get('v1', 'Pod', 'pod'))?.['status']).toMatchObject({ phase: 'Running' });
    expect((await get('apps/v1', 'StatefulSet', 's'))?.['status']).toMatchObject({
      readyReplicas: 1,
      currentReplicas: 1,
    });
    expect((await get('apps/v1', 'DaemonSet', 'd'))?.['status']).toMatchObject({ numberReady: 1 });
    expect((await get('v1', 'Service', 'lb'))?.['status']).toMatchObject({
      loadBalancer: { ingress: [{ ip: '192.0.2.10' }] },
    });
  });

  it('is off with simulator: false', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    const live = await cluster.apply(deployment, { fieldManager: 'flux' });
    expect(live['status']).toBeUndefined();
  });
});

describe('fault injector', () => {
  it('fails the next N matching calls with the given error, then recovers', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    cluster.faults.inject({
      operation: 'apply',
      kind: 'Deployment',
      name: 'web',
      times: 2,
      error: new ClusterError('Unavailable', 'etcd leader changed'),
    });
    const cm: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'default' },
    };
    await cluster.apply(cm, { fieldManager: 'm' });
    for (let i = 0; i < 2; i++)
      await expect(cluster.apply(deployment, { fieldManager: 'm' })).rejects.toMatchObject({
        code: 'Unavailable',
      });
    await expect(cluster.apply(deployment, { fieldManager: 'm' })).resolves.toBeDefined();
    expect(cluster.faults.pending).toBe(0);
  });

  it('adds latency', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    cluster.faults.inject({ operation: 'get', latencyMs: 30 });
    const start = Date.now();
    await cluster.get(ref);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });
});

describe('snapshots', () => {
  it('restores objects, managed fields, CRDs and the resourceVersion counter', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const snapshot = cluster.snapshot();
    const copy = createMemoryCluster({
      from: JSON.parse(JSON.stringify(snapshot)) as typeof snapshot,
      simulator: false,
    });
    expect(await copy.get(ref)).toEqual(await cluster.get(ref));
    const e = await copy
      .apply(
        { ...deployment, spec: { ...(deployment['spec'] as YamlMap), replicas: 9 } },
        { fieldManager: 'other' },
      )
      .catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'Conflict' });
    const next = await copy.apply(
      { ...deployment, spec: { ...(deployment['spec'] as YamlMap), replicas: 9 } },
      { fieldManager: 'flux' },
    );
    expect(Number((next['metadata'] as YamlMap)['resourceVersion'])).toBeGreaterThan(
      snapshot.resourceVersion,
    );
  });
});

describe('directory persistence (./node)', () => {
  it('saves after every write and reopens with the same state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kustomate-cluster-'));
    const cluster = await openClusterDirectory(dir, { simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const reopened = await openClusterDirectory(dir, { simulator: false });
    expect(await reopened.get(ref)).toEqual(await cluster.get(ref));
    expect((await readdir(dir)).filter((n) => n !== CLUSTER_FILE)).toEqual([]);
  });

  it('ignores a torn temporary file left by a crash mid-write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kustomate-cluster-'));
    const cluster = await openClusterDirectory(dir, { simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    const saved = await readFile(join(dir, CLUSTER_FILE), 'utf8');
    await writeFile(join(dir, `${CLUSTER_FILE}.tmp-99-1`), saved.slice(0, 40));
    const snapshot = await readClusterDirectory(dir);
    expect(snapshot?.objects.length).toBe(JSON.parse(saved).objects.length);
    expect(await readdir(dir)).toEqual([CLUSTER_FILE]);
  });

  it('starts empty (with the default namespaces) in a new directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kustomate-cluster-'));
    const cluster = await openClusterDirectory(dir, { simulator: false });
    const namespaces = await cluster.list({ apiVersion: 'v1', kind: 'Namespace' });
    expect(namespaces.map((n) => (n['metadata'] as YamlMap)['name'])).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
  });
});

describe('watch faults', () => {
  it('a watch fault fails the first read of the stream', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    cluster.faults.inject({
      operation: 'watch',
      kind: 'ConfigMap',
      error: new ClusterError('Timeout', 'watch timed out'),
    });
    const stream = cluster.watch({ apiVersion: 'v1', kind: 'ConfigMap' })[Symbol.asyncIterator]();
    await expect(stream.next()).rejects.toMatchObject({ code: 'Timeout' });
  });
});

describe('failed writes', () => {
  it('leave the store exactly as it was', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(deployment, { fieldManager: 'flux' });
    await cluster.patch(ref, { spec: { replicas: 4 } }, { type: 'merge', fieldManager: 'kubectl' });
    const before = cluster.snapshot();
    const spec = deployment['spec'] as YamlMap;
    const attempts: Promise<unknown>[] = [
      cluster.apply(deployment, { fieldManager: 'flux' }),
      cluster.apply(
        { ...deployment, spec: { ...spec, selector: { matchLabels: { app: 'x' } } } },
        { fieldManager: 'flux', force: true },
      ),
      cluster.apply(
        { ...deployment, spec: { ...spec, replicas: 'two' } },
        { fieldManager: 'flux', force: true },
      ),
      cluster.apply(
        { ...deployment, metadata: { name: 'web', namespace: 'missing' } },
        { fieldManager: 'flux' },
      ),
      cluster.apply(
        {
          apiVersion: 'example.com/v1',
          kind: 'Widget',
          metadata: { name: 'w', namespace: 'default' },
        },
        { fieldManager: 'flux' },
      ),
      cluster.patch(ref, [{ op: 'test', path: '/spec/replicas', value: 1 }], {
        type: 'json',
        fieldManager: 'kubectl',
      }),
      cluster.update(
        { ...deployment, metadata: { name: 'web', namespace: 'default', resourceVersion: '1' } },
        { fieldManager: 'kubectl' },
      ),
      cluster.create(deployment, { fieldManager: 'kubectl' }),
    ];
    const codes = [];
    for (const attempt of attempts)
      codes.push(
        await attempt.then(
          () => 'ok',
          (e: ClusterError) => e.code,
        ),
      );
    expect(codes).toEqual([
      'Conflict',
      'Invalid',
      'Invalid',
      'NotFound',
      'NoKindMatch',
      'Invalid',
      'Conflict',
      'AlreadyExists',
    ]);
    expect(cluster.snapshot()).toEqual(before);
  });
});

describe('cancellation', () => {
  it('an aborted signal ends a slow call with Timeout', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    cluster.faults.inject({ operation: 'list', latencyMs: 5_000 });
    const controller = new AbortController();
    const call = cluster.list({ apiVersion: 'v1', kind: 'ConfigMap', signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'Timeout' });
    await expect(cluster.get({ ...ref }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'Timeout',
    });
  });
});

describe('custom resources without a status subresource', () => {
  it('keep an applied status as part of the main resource', async () => {
    const cluster = createMemoryCluster({ simulator: false });
    await cluster.apply(
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'gadgets.example.com' },
        spec: {
          group: 'example.com',
          scope: 'Cluster',
          names: { kind: 'Gadget', plural: 'gadgets' },
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
              },
            },
          ],
        },
      },
      { fieldManager: 'm' },
    );
    const live = await cluster.apply(
      {
        apiVersion: 'example.com/v1',
        kind: 'Gadget',
        metadata: { name: 'g' },
        status: { ok: true },
      },
      { fieldManager: 'm' },
    );
    expect(live['status']).toEqual({ ok: true });
    expect((await cluster.resourceFor('example.com/v1', 'Gadget')).namespaced).toBe(false);
    await cluster.delete({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'gadgets.example.com',
    });
    await expect(
      cluster.get({ apiVersion: 'example.com/v1', kind: 'Gadget', name: 'g' }),
    ).rejects.toMatchObject({ code: 'NoKindMatch' });
  });
});
