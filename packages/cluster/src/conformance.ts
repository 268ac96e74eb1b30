import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import type { ClusterClient, KubeObject } from './cluster-client.js';
import { ClusterError } from './cluster-error.js';

/** Options of {@link describeClusterClient}. */
export interface ConformanceOptions {
  /** Creates a fresh client for each test (a new memory cluster, or a client of a scratch cluster). */
  create(): ClusterClient | Promise<ClusterClient>;
  /** Waits for controllers to act (e.g. `cluster.settle()`); default: a short pause. */
  settle?(client: ClusterClient): Promise<void>;
}

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Builds a ConfigMap. */
function configMap(
  namespace: string,
  name: string,
  data: Record<string, string>,
  extra: YamlMap = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...extra }, data };
}

function deployment(namespace: string, name: string, spec: YamlMap = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
      },
      ...spec,
    },
  };
}

async function expectCode(
  promise: Promise<unknown>,
  code: ClusterError['code'],
): Promise<ClusterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ClusterError ${code}`).toBeInstanceOf(ClusterError);
  expect((error as ClusterError).code).toBe(code);
  return error as ClusterError;
}

function managers(
  object: KubeObject | undefined,
): { manager: string; operation: string; fields: YamlMap }[] {
  const meta = object?.['metadata'] as YamlMap | undefined;
  const entries = (meta?.['managedFields'] ?? []) as YamlMap[];
  return entries.map((e) => ({
    manager: String(e['manager']),
    operation: String(e['operation']),
    fields: e['fieldsV1'] as YamlMap,
  }));
}

function meta(object: KubeObject | undefined): YamlMap {
  return (object?.['metadata'] ?? {}) as YamlMap;
}

/**
 * The shared `ClusterClient` conformance suite: registers vitest tests that any implementation
 * must pass (metadata, reads, namespaces, discovery, server-side apply ownership, updates and
 * patches, CRDs, immutable fields, bad input, finalizers and garbage collection, watch).
 *
 * @example
 * ```ts
 * import { createMemoryCluster } from '@kustomate/cluster';
 * import { describeClusterClient } from '@kustomate/cluster/conformance';
 * describeClusterClient('memory', { create: () => createMemoryCluster({ simulator: false }) });
 * ```
 */
export function describeClusterClient(name: string, options: ConformanceOptions): void {
  const setup = async (): Promise<{ client: ClusterClient; ns: string }> => {
    const client = await options.create();
    const ns = uniqueName('conf');
    await client.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      { fieldManager: 'conformance' },
    );
    return { client, ns };
  };
  const ref = (ns: string, name: string, kind = 'ConfigMap', apiVersion = 'v1') => ({
    apiVersion,
    kind,
    namespace: ns,
    name,
  });

  describe(`ClusterClient conformance: ${name}`, () => {
    describe('metadata', () => {
      it('sets uid, resourceVersion, generation and creationTimestamp on create', async () => {
        const { client, ns } = await setup();
        const live = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
        const m = meta(live);
        expect(typeof m['uid']).toBe('string');
        expect(typeof m['resourceVersion']).toBe('string');
        expect(m['creationTimestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(await client.get(ref(ns, 'a'))).toEqual(live);
      });

      it('changes resourceVersion on every write and keeps it on a no-op apply', async () => {
        const { client, ns } = await setup();
        const first = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
        const same = await client.apply(configMap(ns, 'a', { k: 'v' }), { fieldManager: 'm' });
        expect(meta(same)['resourceVersion']).toBe(meta(first)['resourceVersion']);
        const changed = await client.apply(configMap(ns, 'a', { k: 'w' }), { fieldManager: 'm' });
        expect(meta(changed)['resourceVersion']).not.toBe(meta(first)['resourceVersion']);
        expect(meta(changed)['uid']).toBe(meta(first)['uid']);
      });

      it('bumps generation on spec changes only, not on label or annotation changes', async () => {
        const { client, ns } = await setup();
        const d = deployment(ns, 'web');
        const first = await client.apply(d, { fieldManager: 'm' });
        expect(meta(first)['generation']).toBe(1);
        const labelled = await client.apply(
          { ...d, metadata: { ...meta(d), labels: { x: 'y' }, annotations: { a: 'b' } } },
          { fieldManager: 'm' },
        );
        expect(meta(labelled)['generation']).toBe(1);
        const scaled = await client.apply(deployment(ns, 'web', { replicas: 3 }), {
          fieldManager: 'm',
        });
        expect(meta(scaled)['generation']).toBe(2);
      });

      it('records managedFields in FieldsV1 with manager, operation, apiVersion and time', async () => {
        const { client, ns } = await setup();
        const live = await client.apply(configMap(ns, 'a', { k: 'v' }, { labels: { app: 'x' } }), {
          fieldManager: 'flux',
        });
        const entry = (meta(live)['managedFields'] as YamlMap[]).find(
          (e) => e['manager'] === 'flux',
        );
        expect(entry).toMatchObject({
          manager: 'flux',
          operation: 'Apply',
          apiVersion: 'v1',
          fieldsType: 'FieldsV1',
        });
        expect(entry?.['time']).toMatch(/Z$/);
        expect(entry?.['fieldsV1']).toEqual({
          'f:data': { 'f:k': {} },
          'f:metadata': { 'f:labels': { 'f:app': {} } },
        });
      });
    });

    describe('reads', () => {
      it('get returns undefined for a missing object', async () => {
        const { client, ns } = await setup();
        expect(await client.get(ref(ns, 'missing'))).toBeUndefined();
      });

      it('lists by namespace and label selector', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', {}, { labels: { app: 'web', tier: 'fe' } }), {
          fieldManager: 'm',
        });
        await client.apply(configMap(ns, 'b', {}, { labels: { app: 'web', tier: 'be' } }), {
          fieldManager: 'm',
        });
        await client.apply(configMap(ns, 'c', {}, { labels: { app: 'db' } }), {
          fieldManager: 'm',
        });
        const names = async (labelSelector?: string) =>
          (
            await client.list({
              apiVersion: 'v1',
              kind: 'ConfigMap',
              namespace: ns,
              ...(labelSelector ? { labelSelector } : {}),
            })
          )
            .map((o) => meta(o)['name'])
            .sort();
        expect(await names()).toEqual(['a', 'b', 'c']);
        expect(await names('app=web')).toEqual(['a', 'b']);
        expect(await names('app=web,tier!=fe')).toEqual(['b']);
        expect(await names('tier in (fe,be)')).toEqual(['a', 'b']);
        expect(await names('!tier')).toEqual(['c']);
        expect(await names('tier')).toEqual(['a', 'b']);
      });

      it('deletes an object; deleting a missing one is NotFound', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
        await client.delete(ref(ns, 'a'));
        expect(await client.get(ref(ns, 'a'))).toBeUndefined();
        await expectCode(client.delete(ref(ns, 'a')), 'NotFound');
      });

      it('dry-run delete keeps the object', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
        await client.delete(ref(ns, 'a'), { dryRun: true });
        expect(await client.get(ref(ns, 'a'))).toBeDefined();
      });
    });

    describe('namespaces', () => {
      it('namespaced objects need their Namespace', async () => {
        const { client } = await setup();
        const e = await expectCode(
          client.apply(configMap('nope-missing', 'a', {}), { fieldManager: 'm' }),
          'NotFound',
        );
        expect(e.message).toBe('namespaces "nope-missing" not found');
      });

      it('deleting a Namespace removes its contents', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
        await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns });
        if (options.settle) await options.settle(client);
        expect(await client.get(ref(ns, 'a'))).toBeUndefined();
      });

      it('a Namespace with finalized contents stays Terminating and refuses new content', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'held', {}, { finalizers: ['example.com/hold'] }), {
          fieldManager: 'm',
        });
        await client.delete({ apiVersion: 'v1', kind: 'Namespace', name: ns });
        const live = await client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns });
        expect((live?.['status'] as YamlMap)['phase']).toBe('Terminating');
        await expectCode(
          client.apply(configMap(ns, 'new', {}), { fieldManager: 'm' }),
          'Forbidden',
        );
        await client.patch(
          ref(ns, 'held'),
          { metadata: { finalizers: null } },
          { type: 'merge', fieldManager: 'm' },
        );
        expect(await client.get(ref(ns, 'held'))).toBeUndefined();
        expect(await client.get({ apiVersion: 'v1', kind: 'Namespace', name: ns })).toBeUndefined();
      });
    });

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

    describe('server-side apply', () => {
      it('removes fields the manager no longer applies', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1', y: '2' }), { fieldManager: 'flux' });
        const live = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
        expect(live['data']).toEqual({ x: '1' });
      });

      it('keeps fields another manager owns', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
        await client.apply(configMap(ns, 'a', { y: '2' }), { fieldManager: 'other' });
        const live = await client.apply(configMap(ns, 'a', {}), { fieldManager: 'flux' });
        expect(live['data']).toEqual({ y: '2' });
      });

      it('conflicts name the field and the other manager; force takes ownership', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'kubectl' });
        const e = await expectCode(
          client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'flux' }),
          'Conflict',
        );
        expect(e.data?.conflicts).toEqual([{ manager: 'kubectl', field: '.data.x' }]);
        expect(e.data?.fieldManager).toBe('flux');
        expect(e.message).toContain('conflict with "kubectl"');
        expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
        const forced = await client.apply(configMap(ns, 'a', { x: '2' }), {
          fieldManager: 'flux',
          force: true,
        });
        expect(forced['data']).toEqual({ x: '2' });
        expect(managers(forced).map((m) => m.manager)).toEqual(['flux']);
      });

      it('equal values become shared ownership', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'one' });
        const live = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'two' });
        expect(
          managers(live)
            .map((m) => m.manager)
            .sort(),
        ).toEqual(['one', 'two']);
        const after = await client.apply(configMap(ns, 'a', {}), { fieldManager: 'one' });
        expect(after['data']).toEqual({ x: '1' });
      });

      it('a field changed by an Update manager conflicts with the applier', async () => {
        const { client, ns } = await setup();
        await client.apply(deployment(ns, 'web'), { fieldManager: 'flux' });
        await client.patch(
          ref(ns, 'web', 'Deployment', 'apps/v1'),
          { spec: { replicas: 5 } },
          { type: 'merge', fieldManager: 'kubectl-edit' },
        );
        const e = await expectCode(
          client.apply(deployment(ns, 'web'), { fieldManager: 'flux' }),
          'Conflict',
        );
        expect(e.data?.conflicts).toEqual([{ manager: 'kubectl-edit', field: '.spec.replicas' }]);
      });

      it('merges associative lists by their keys and replaces atomic lists', async () => {
        const { client, ns } = await setup();
        const base = deployment(ns, 'web');
        await client.apply(base, { fieldManager: 'flux' });
        const sidecar = deployment(ns, 'web', {
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'sidecar', image: 'busybox', args: ['a', 'b'] }] },
          },
        });
        delete (sidecar['spec'] as YamlMap)['replicas'];
        delete (sidecar['spec'] as YamlMap)['selector'];
        const live = await client.apply(sidecar, { fieldManager: 'injector' });
        const containers = ((live['spec'] as YamlMap)['template'] as YamlMap)['spec'] as YamlMap;
        expect((containers['containers'] as YamlMap[]).map((c) => c['name'])).toEqual([
          'main',
          'sidecar',
        ]);
        const fields = managers(live).find((m) => m.manager === 'injector')?.fields;
        expect(JSON.stringify(fields)).toContain('k:{\\"name\\":\\"sidecar\\"}');
        expect(JSON.stringify(fields)).toContain('"f:args":{}');
      });

      it('dry-run returns the would-be object without storing it', async () => {
        const { client, ns } = await setup();
        const would = await client.apply(configMap(ns, 'a', { x: '1' }), {
          fieldManager: 'm',
          dryRun: true,
        });
        expect(would['data']).toEqual({ x: '1' });
        expect(await client.get(ref(ns, 'a'))).toBeUndefined();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
        const changed = await client.apply(configMap(ns, 'a', { x: '2' }), {
          fieldManager: 'm',
          dryRun: true,
        });
        expect(changed['data']).toEqual({ x: '2' });
        expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
      });

      it('ignores status on apply of the main resource; status has its own write', async () => {
        const { client, ns } = await setup();
        const d = { ...deployment(ns, 'web'), status: { replicas: 42 } };
        const live = await client.apply(d, { fieldManager: 'flux' });
        expect((live['status'] as YamlMap | undefined)?.['replicas']).not.toBe(42);
        const current = await client.get(ref(ns, 'web', 'Deployment', 'apps/v1'));
        const written = await client.updateStatus(
          { ...current, status: { observedGeneration: 1, replicas: 7 } } as KubeObject,
          { fieldManager: 'controller' },
        );
        expect((written['status'] as YamlMap)['replicas']).toBe(7);
        expect(managers(written).find((m) => m.manager === 'controller')?.fields).toHaveProperty(
          'f:status',
        );
      });
    });

    describe('update and patch', () => {
      it('records update and patch as Update operations', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'flux' });
        const merged = await client.patch(
          ref(ns, 'a'),
          { data: { y: '2' } },
          { type: 'merge', fieldManager: 'kubectl-patch' },
        );
        expect(merged['data']).toEqual({ x: '1', y: '2' });
        expect(managers(merged).find((m) => m.manager === 'kubectl-patch')).toMatchObject({
          operation: 'Update',
          fields: { 'f:data': { 'f:y': {} } },
        });
        const json = await client.patch(
          ref(ns, 'a'),
          [{ op: 'replace', path: '/data/y', value: '3' }],
          { type: 'json', fieldManager: 'kubectl-patch' },
        );
        expect(json['data']).toEqual({ x: '1', y: '3' });
        const current = await client.get(ref(ns, 'a'));
        const updated = await client.update(
          { ...current, data: { x: '1', y: '3', z: '4' } } as KubeObject,
          { fieldManager: 'kubectl-edit' },
        );
        expect(managers(updated).find((m) => m.manager === 'kubectl-edit')).toMatchObject({
          operation: 'Update',
          fields: { 'f:data': { 'f:z': {} } },
        });
      });

      it('strategic merge patches lists by merge key', async () => {
        const { client, ns } = await setup();
        await client.apply(deployment(ns, 'web'), { fieldManager: 'flux' });
        const patched = await client.patch(
          ref(ns, 'web', 'Deployment', 'apps/v1'),
          {
            spec: {
              template: {
                spec: {
                  containers: [
                    { name: 'main', image: 'nginx:2' },
                    { name: 'extra', image: 'busybox' },
                  ],
                },
              },
            },
          },
          { type: 'strategic', fieldManager: 'kubectl' },
        );
        const containers = (
          ((patched['spec'] as YamlMap)['template'] as YamlMap)['spec'] as YamlMap
        )['containers'] as YamlMap[];
        expect(containers.map((c) => [c['name'], c['image']])).toEqual([
          ['main', 'nginx:2'],
          ['extra', 'busybox'],
        ]);
      });

      it('update with a stale resourceVersion is Conflict', async () => {
        const { client, ns } = await setup();
        const first = await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
        await client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'm' });
        await expectCode(
          client.update({ ...first, data: { x: '3' } }, { fieldManager: 'e' }),
          'Conflict',
        );
      });

      it('create of an existing object is AlreadyExists; update of a missing one NotFound', async () => {
        const { client, ns } = await setup();
        await client.create(configMap(ns, 'a', {}), { fieldManager: 'm' });
        await expectCode(
          client.create(configMap(ns, 'a', {}), { fieldManager: 'm' }),
          'AlreadyExists',
        );
        await expectCode(client.update(configMap(ns, 'b', {}), { fieldManager: 'm' }), 'NotFound');
      });
    });

    describe('CustomResourceDefinitions', () => {
      it('serves the kinds of an applied CRD, with its list-map keys', async () => {
        const { client, ns } = await setup();
        const group = `${uniqueName('g')}.example.com`;
        await client.apply(
          {
            apiVersion: 'apiextensions.k8s.io/v1',
            kind: 'CustomResourceDefinition',
            metadata: { name: `widgets.${group}` },
            spec: {
              group,
              scope: 'Namespaced',
              names: {
                kind: 'Widget',
                plural: 'widgets',
                singular: 'widget',
                listKind: 'WidgetList',
              },
              versions: [
                {
                  name: 'v1',
                  served: true,
                  storage: true,
                  subresources: { status: {} },
                  schema: {
                    openAPIV3Schema: {
                      type: 'object',
                      properties: {
                        spec: {
                          type: 'object',
                          properties: {
                            items: {
                              type: 'array',
                              'x-kubernetes-list-type': 'map',
                              'x-kubernetes-list-map-keys': ['id'],
                              items: {
                                type: 'object',
                                properties: { id: { type: 'string' }, v: { type: 'string' } },
                              },
                            },
                          },
                        },
                        status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                      },
                    },
                  },
                },
              ],
            },
          },
          { fieldManager: 'm' },
        );
        if (options.settle) await options.settle(client);
        expect(await client.resourceFor(`${group}/v1`, 'Widget')).toMatchObject({
          plural: 'widgets',
          namespaced: true,
          versions: ['v1'],
        });
        const widget = (items: YamlMap[]): KubeObject => ({
          apiVersion: `${group}/v1`,
          kind: 'Widget',
          metadata: { name: 'w', namespace: ns },
          spec: { items },
        });
        await client.apply(widget([{ id: 'a', v: '1' }]), { fieldManager: 'one' });
        const live = await client.apply(widget([{ id: 'b', v: '2' }]), { fieldManager: 'two' });
        expect(((live['spec'] as YamlMap)['items'] as YamlMap[]).map((i) => i['id'])).toEqual([
          'a',
          'b',
        ]);
        const crd = await client.get({
          apiVersion: 'apiextensions.k8s.io/v1',
          kind: 'CustomResourceDefinition',
          name: `widgets.${group}`,
        });
        const conditions = ((crd?.['status'] as YamlMap)['conditions'] as YamlMap[]).map((c) => [
          c['type'],
          c['status'],
        ]);
        expect(conditions).toContainEqual(['Established', 'True']);
      });
    });

    describe('immutable fields', () => {
      it('rejects a changed Deployment selector', async () => {
        const { client, ns } = await setup();
        await client.apply(deployment(ns, 'web'), { fieldManager: 'm' });
        const changed = deployment(ns, 'web', { selector: { matchLabels: { app: 'other' } } });
        const e = await expectCode(client.apply(changed, { fieldManager: 'm' }), 'Invalid');
        expect(e.message).toContain('spec.selector');
        expect(e.message).toContain('field is immutable');
      });

      it('rejects changed data of an immutable ConfigMap', async () => {
        const { client, ns } = await setup();
        await client.apply(
          { ...configMap(ns, 'a', { x: '1' }), immutable: true },
          { fieldManager: 'm' },
        );
        await expectCode(
          client.apply(
            { ...configMap(ns, 'a', { x: '2' }), immutable: true },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        expect((await client.get(ref(ns, 'a')))?.['data']).toEqual({ x: '1' });
      });

      it('rejects a changed Service clusterIP and Job template', async () => {
        const { client, ns } = await setup();
        const svc = {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: 's', namespace: ns },
          spec: { ports: [{ port: 80 }] },
        };
        const live = await client.apply(svc, { fieldManager: 'm' });
        expect((live['spec'] as YamlMap)['clusterIP']).toBeTypeOf('string');
        await expectCode(
          client.apply(
            { ...svc, spec: { ports: [{ port: 80 }], clusterIP: '10.0.0.99' } },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        const job = (image: string): KubeObject => ({
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'j', namespace: ns },
          spec: {
            template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image }] } },
          },
        });
        await client.apply(job('busybox:1'), { fieldManager: 'm' });
        await expectCode(client.apply(job('busybox:2'), { fieldManager: 'm' }), 'Invalid');
      });
    });

    describe('bad input', () => {
      it('rejects objects without apiVersion, kind or name, leaving the store unchanged', async () => {
        const { client, ns } = await setup();
        await expectCode(
          client.apply(
            { kind: 'ConfigMap', metadata: { name: 'a', namespace: ns } },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        await expectCode(
          client.apply(
            { apiVersion: 'v1', metadata: { name: 'a', namespace: ns } },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        const e = await expectCode(
          client.apply(
            { apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: ns } },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        expect(e.location.field).toBe('metadata.name');
        expect(await client.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns })).toEqual(
          [],
        );
      });

      it('rejects invalid names, a namespace on a cluster-scoped kind and wrong field types', async () => {
        const { client, ns } = await setup();
        const bad = await expectCode(
          client.apply(configMap(ns, 'Bad_Name', {}), { fieldManager: 'm' }),
          'Invalid',
        );
        expect(bad.message).toContain('metadata.name: Invalid value: "Bad_Name"');
        await expectCode(
          client.apply(
            { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        const scoped = await expectCode(
          client.apply(
            {
              apiVersion: 'rbac.authorization.k8s.io/v1',
              kind: 'ClusterRole',
              metadata: { name: 'r', namespace: ns },
            },
            { fieldManager: 'm' },
          ),
          'Invalid',
        );
        expect(scoped.location.field).toBe('metadata.namespace');
        const typed = await expectCode(
          client.apply(deployment(ns, 'web', { replicas: 'three' }), { fieldManager: 'm' }),
          'Invalid',
        );
        expect(typed.location.field).toBe('spec.replicas');
        expect(await client.get(ref(ns, 'web', 'Deployment', 'apps/v1'))).toBeUndefined();
      });
    });

    describe('finalizers and garbage collection', () => {
      it('an object with finalizers gets a deletionTimestamp and goes when they are removed', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', {}, { finalizers: ['example.com/x'] }), {
          fieldManager: 'm',
        });
        const deleting = await client.delete(ref(ns, 'a'));
        expect(meta(deleting)['deletionTimestamp']).toBeTypeOf('string');
        await client.apply(configMap(ns, 'a', {}), { fieldManager: 'm' });
        expect(await client.get(ref(ns, 'a'))).toBeUndefined();
      });

      const owned = async (policy: 'Background' | 'Foreground' | 'Orphan') => {
        const { client, ns } = await setup();
        const owner = await client.apply(configMap(ns, 'owner', {}), { fieldManager: 'm' });
        const ownerRef = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          name: 'owner',
          uid: meta(owner)['uid'] as string,
        };
        await client.apply(configMap(ns, 'child', {}, { ownerReferences: [ownerRef] }), {
          fieldManager: 'm',
        });
        await client.delete(ref(ns, 'owner'), { propagationPolicy: policy });
        if (options.settle) await options.settle(client);
        return {
          client,
          child: await client.get(ref(ns, 'child')),
          owner: await client.get(ref(ns, 'owner')),
        };
      };

      it('Background deletes dependents', async () => {
        const { child, owner } = await owned('Background');
        expect(owner).toBeUndefined();
        expect(child).toBeUndefined();
      });

      it('Foreground deletes dependents, then the owner', async () => {
        const { child, owner } = await owned('Foreground');
        expect(child).toBeUndefined();
        expect(owner).toBeUndefined();
      });

      it('Orphan keeps dependents and drops their owner reference', async () => {
        const { child, owner } = await owned('Orphan');
        expect(owner).toBeUndefined();
        expect(child).toBeDefined();
        expect(meta(child)['ownerReferences']).toBeUndefined();
      });
    });

    describe('watch', () => {
      it('streams ADDED, MODIFIED and DELETED events of a kind', async () => {
        const { client, ns } = await setup();
        await client.apply(configMap(ns, 'a', { x: '1' }), { fieldManager: 'm' });
        const controller = new AbortController();
        const events: string[] = [];
        const done = (async () => {
          for await (const e of client.watch({
            apiVersion: 'v1',
            kind: 'ConfigMap',
            namespace: ns,
            signal: controller.signal,
          })) {
            events.push(`${e.type} ${String(meta(e.object)['name'])}`);
            if (e.type === 'DELETED') break;
          }
        })();
        await client.apply(configMap(ns, 'a', { x: '2' }), { fieldManager: 'm' });
        await client.apply(configMap(ns, 'b', {}), { fieldManager: 'm' });
        await client.delete(ref(ns, 'a'));
        await done;
        controller.abort();
        expect(events).toEqual(['ADDED a', 'MODIFIED a', 'ADDED b', 'DELETED a']);
      });
    });
  });
}

export { describeSsaMergeCases } from './conformance-ssa.js';
export type { SsaMergeCase } from './conformance-ssa.js';
