// Longer than the house limit on purpose: this is the memory API server's request handler,
// whose verbs share one commit path and the private store; pure parts live in sibling files.
import { cloneYaml, isYamlMap, parseApiVersion, yamlEqual } from '@kustomate/resource';
import type { ObjectRef, YamlMap, YamlValue } from '@kustomate/resource';
import type {
  ApiResource,
  ApplyOptions,
  DeleteOptions,
  KubeObject,
  ListOptions,
  PatchOptions,
  UpdateOptions,
  WatchEvent,
} from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';
import { FaultInjector } from '../fault-injector.js';
import type { CallTarget, ClusterOperation } from '../fault-injector.js';
import { matchesLabels, parseLabelSelector } from '../label-selector.js';
import { applyConfig, updateObject } from '../ssa/updater.js';
import type { ManagedSet } from '../ssa/updater.js';
import { applyPatch } from './apply-patch.js';
import { GarbageCollector, ownerUids, type StoredObject } from './garbage-collector.js';
import { engineError } from './engine-error.js';
import { applyServerDefaults, establishedCrdStatus } from './server-defaults.js';
import { metadataOf, qualifiedName, refOf } from './describe-object.js';
import { checkImmutableFields } from './immutable-fields.js';
import {
  fromManagers,
  managerId,
  parseManagedFields,
  renderManagedFields,
  toManagers,
} from './managed-fields.js';
import type { ManagerEntry } from './managed-fields.js';
import type {
  ClusterSnapshot,
  MemoryCluster,
  MemoryClusterOptions,
} from './memory-cluster-types.js';
import {
  publicResource,
  requireManager,
  resourceName,
  stripForEngine,
  subresourceWrite,
} from './request-helpers.js';
import { ResourceRegistry } from './resource-registry.js';
import type { ServedKind } from './resource-registry.js';
import { clientBody, foldStringData, specChanged, withoutUnowned } from './server-fields.js';
import {
  validateDefaulted,
  validateFieldTypes,
  validateIdentity,
  validateScope,
} from './validate-object.js';
import { WatchHub } from './watch-hub.js';
import { WorkloadSimulator } from './workload-simulator.js';
import type { SimulatedOutcome } from './workload-simulator.js';

type Stored = StoredObject;

const DEFAULT_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * Creates an in-memory cluster that behaves like kube-apiserver where a reconciler can tell:
 * server-side apply with managed fields and conflicts, metadata, namespaces, CRDs, immutable
 * fields, finalizers and garbage collection, watch, and a workload simulator.
 *
 * @example
 * ```ts
 * const cluster = createMemoryCluster();
 * await cluster.apply(
 *   { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { a: '1' } },
 *   { fieldManager: 'kustomate' },
 * );
 * ```
 */
export function createMemoryCluster(options: MemoryClusterOptions = {}): MemoryCluster {
  return new MemoryClusterImpl(options);
}

class MemoryClusterImpl implements MemoryCluster {
  readonly faults = new FaultInjector();
  readonly #store = new Map<string, Stored>();
  /** The last apply per stored object, for the unchanged re-apply fast path. */
  readonly #lastApply = new WeakMap<
    StoredObject,
    { fingerprint: string; resourceVersion: YamlValue | undefined }
  >();
  readonly #registry = new ResourceRegistry();
  readonly #hub = new WatchHub();
  readonly #now: () => Date;
  readonly #simulator: WorkloadSimulator | undefined;
  #resourceVersion = 0;
  readonly #gc = new GarbageCollector({
    store: this.#store,
    time: () => this.#time(),
    touch: (stored) => this.#touch(stored),
    remove: (key) => this.#remove(key),
  });

  constructor(options: MemoryClusterOptions) {
    this.#now = options.now ?? (() => new Date());
    if (options.simulator !== false)
      this.#simulator = new WorkloadSimulator(options.simulator ?? {}, (ref, status) =>
        this.#controllerStatus(ref, status),
      );
    if (options.from) this.#restore(options.from);
    else for (const name of DEFAULT_NAMESPACES) this.#createNamespace(name);
  }

  // ---- reads ---------------------------------------------------------------------------

  async get(
    ref: ObjectRef,
    options: { signal?: AbortSignal } = {},
  ): Promise<KubeObject | undefined> {
    await this.#enter('get', ref, options.signal);
    const served = this.#registry.lookup(ref.apiVersion, ref.kind);
    const stored = this.#store.get(this.#key(served, ref.namespace, ref.name));
    return stored ? this.#render(stored, ref.apiVersion) : undefined;
  }

  async list(options: ListOptions): Promise<KubeObject[]> {
    await this.#enter('list', { kind: options.kind, namespace: options.namespace }, options.signal);
    const served = this.#registry.lookup(options.apiVersion, options.kind);
    const selector = parseLabelSelector(options.labelSelector ?? '');
    return [...this.#store.values()]
      .filter((s) => this.#selects(s.object, served, options.namespace, selector))
      .sort((a, b) => (this.#sortKey(a.object) < this.#sortKey(b.object) ? -1 : 1))
      .map((s) => this.#render(s, options.apiVersion));
  }

  watch(options: ListOptions): AsyncIterable<WatchEvent> {
    const served = this.#registry.lookup(options.apiVersion, options.kind);
    const selector = parseLabelSelector(options.labelSelector ?? '');
    const initial: WatchEvent[] = [...this.#store.values()]
      .filter((s) => this.#selects(s.object, served, options.namespace, selector))
      .map((s) => ({ type: 'ADDED', object: this.#render(s, options.apiVersion) }));
    const stream = this.#hub.subscribe(
      (e) => this.#selects(e.object, served, options.namespace, selector),
      initial,
      options.signal,
    );
    const enter = () =>
      this.#enter('watch', { kind: options.kind, namespace: options.namespace }, options.signal);
    return {
      [Symbol.asyncIterator]: (): AsyncIterator<WatchEvent> => {
        const it = stream[Symbol.asyncIterator]();
        let entered = false;
        const stop = async (): Promise<IteratorResult<WatchEvent>> =>
          it.return ? it.return() : { value: undefined, done: true };
        return {
          next: async () => {
            if (!entered) {
              entered = true;
              // Faults for `watch` hit the first read, as a failed watch request would.
              await enter().catch(async (e: unknown) => {
                await stop();
                throw e;
              });
            }
            return it.next();
          },
          return: stop,
        };
      },
    };
  }

  async discover(options: { signal?: AbortSignal } = {}): Promise<ApiResource[]> {
    await this.#enter('discover', {}, options.signal);
    return this.#registry.list().map(publicResource);
  }

  async resourceFor(apiVersion: string, kind: string): Promise<ApiResource> {
    return publicResource(this.#registry.lookup(apiVersion, kind));
  }

  // ---- writes --------------------------------------------------------------------------

  async apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    validateIdentity(object);
    const ref = refOf(object);
    await this.#enter('apply', ref, options.signal);
    requireManager(options.fieldManager, ref);
    const served = this.#served(ref);
    const key = this.#key(served, ref.namespace, ref.name);
    const before = this.#store.get(key);
    if (!before) this.#checkNamespace(ref, served);
    this.#checkResourceVersion(object, before, ref);
    const config = clientBody(object, served.statusSubresource);
    // An unchanged re-apply by the same manager of a live object nobody touched since is a
    // no-op in kube-apiserver; recognise it without recomputing field sets.
    const fingerprint = `${options.fieldManager}\u0000${ref.apiVersion}\u0000${options.force === true}\u0000${stableJson(config)}`;
    if (before && options.dryRun !== true) {
      const last = this.#lastApply.get(before);
      const rv = metadataOf(before.object)['resourceVersion'];
      if (last && last.fingerprint === fingerprint && last.resourceVersion === rv) {
        return this.#render(before, ref.apiVersion);
      }
    }
    const live = before ? stripForEngine(before.object) : {};
    const version = parseApiVersion(ref.apiVersion).version;
    const self = {
      manager: options.fieldManager,
      operation: 'Apply' as const,
      apiVersion: ref.apiVersion,
    };
    let result: { object: YamlMap; managers: Map<string, ManagedSet> };
    try {
      result = applyConfig(
        live,
        config,
        served.schema(version),
        toManagers(before?.managers ?? []),
        managerId(self),
        ref.apiVersion,
        options.force === true,
      );
    } catch (e) {
      throw engineError(e, ref, before?.managers ?? [], self.manager);
    }
    const out = await this.#commit(
      served,
      ref,
      before,
      result.object,
      result.managers,
      self,
      options.dryRun === true,
    );
    const stored = this.#store.get(key);
    if (stored && options.dryRun !== true) {
      const rv = metadataOf(stored.object)['resourceVersion'];
      this.#lastApply.set(stored, { fingerprint, resourceVersion: rv });
    }
    return out;
  }

  async create(object: KubeObject, options: UpdateOptions): Promise<KubeObject> {
    validateIdentity(object);
    const ref = refOf(object);
    await this.#enter('create', ref, options.signal);
    requireManager(options.fieldManager, ref);
    const served = this.#served(ref);
    if (this.#store.has(this.#key(served, ref.namespace, ref.name)))
      throw new ClusterError(
        'AlreadyExists',
        `${resourceName(served)} "${ref.name}" already exists`,
        { ref },
      );
    this.#checkNamespace(ref, served);
    return this.#writeUpdate(
      served,
      ref,
      undefined,
      clientBody(object, false),
      options.fieldManager,
      undefined,
      options.dryRun === true,
    );
  }

  async update(object: KubeObject, options: UpdateOptions): Promise<KubeObject> {
    validateIdentity(object);
    const ref = refOf(object);
    await this.#enter('update', ref, options.signal);
    requireManager(options.fieldManager, ref);
    const served = this.#served(ref);
    const before = this.#existing(served, ref);
    this.#checkResourceVersion(object, before, ref);
    const body = clientBody(object, served.statusSubresource);
    if (served.statusSubresource && before.object['status'] !== undefined)
      body['status'] = cloneYaml(before.object['status']);
    return this.#writeUpdate(
      served,
      ref,
      before,
      body,
      options.fieldManager,
      undefined,
      options.dryRun === true,
    );
  }

  async updateStatus(object: KubeObject, options: UpdateOptions): Promise<KubeObject> {
    validateIdentity(object);
    const ref = refOf(object);
    await this.#enter('updateStatus', ref, options.signal);
    requireManager(options.fieldManager, ref);
    const served = this.#served(ref);
    const before = this.#existing(served, ref);
    this.#checkResourceVersion(object, before, ref);
    const body = stripForEngine(before.object);
    if (object['status'] === undefined) delete body['status'];
    else body['status'] = cloneYaml(object['status']);
    return this.#writeUpdate(
      served,
      ref,
      before,
      body,
      options.fieldManager,
      'status',
      options.dryRun === true,
    );
  }

  async patch(ref: ObjectRef, patch: unknown, options: PatchOptions): Promise<KubeObject> {
    await this.#enter('patch', ref, options.signal);
    requireManager(options.fieldManager, ref);
    const served = this.#served(ref);
    const before = this.#existing(served, ref);
    const version = parseApiVersion(ref.apiVersion).version;
    const current = this.#render(before, ref.apiVersion);
    const patched = applyPatch(current, patch, options.type, served.schema(version), ref);
    validateIdentity(patched);
    const patchedRef = refOf(patched);
    if (patchedRef.name !== ref.name || (patchedRef.namespace ?? '') !== (ref.namespace ?? ''))
      throw new ClusterError(
        'Invalid',
        `${qualifiedName(ref)} is invalid: metadata.name: Invalid value: the name and namespace cannot be changed by a patch`,
        { ref, field: 'metadata.name' },
      );
    this.#checkResourceVersion(patched, before, ref);
    const body = stripForEngine(before.object);
    if (options.subresource === 'status') {
      if (patched['status'] === undefined) delete body['status'];
      else body['status'] = cloneYaml(patched['status']);
      return this.#writeUpdate(
        served,
        ref,
        before,
        body,
        options.fieldManager,
        'status',
        options.dryRun === true,
      );
    }
    const main = clientBody(patched, served.statusSubresource);
    if (served.statusSubresource && before.object['status'] !== undefined)
      main['status'] = cloneYaml(before.object['status']);
    return this.#writeUpdate(
      served,
      ref,
      before,
      main,
      options.fieldManager,
      undefined,
      options.dryRun === true,
    );
  }

  async delete(ref: ObjectRef, options: DeleteOptions = {}): Promise<KubeObject | undefined> {
    await this.#enter('delete', ref, options.signal);
    const served = this.#served(ref);
    const key = this.#key(served, ref.namespace, ref.name);
    const stored = this.#existing(served, ref);
    if (options.dryRun) {
      const copy = { object: cloneYaml(stored.object), managers: stored.managers };
      metadataOf(copy.object)['deletionTimestamp'] ??= this.#time();
      return this.#render(copy, ref.apiVersion);
    }
    this.#gc.markDeleted(key, options.propagationPolicy ?? 'Background');
    this.#gc.collect();
    const after = this.#store.get(key);
    return after ? this.#render(after, ref.apiVersion) : undefined;
  }

  // ---- test controls -------------------------------------------------------------------

  snapshot(): ClusterSnapshot {
    return {
      version: 1,
      resourceVersion: this.#resourceVersion,
      objects: [...this.#store.values()].map((s) => this.#render(s)),
    };
  }

  setOutcome(
    target: { kind: string; name: string; namespace?: string },
    outcome: SimulatedOutcome,
  ): void {
    if (!this.#simulator) return;
    this.#simulator.setOutcome(target, outcome);
    for (const stored of this.#store.values()) {
      const ref = refOf(stored.object);
      if (
        ref.kind === target.kind &&
        ref.name === target.name &&
        (target.namespace === undefined || target.namespace === ref.namespace)
      )
        this.#simulator.onWrite(stored.object, this.#time());
    }
  }

  async settle(): Promise<void> {
    await this.#simulator?.settle();
  }

  // ---- internals -----------------------------------------------------------------------

  async #enter(
    operation: ClusterOperation,
    target: CallTarget | ObjectRef,
    signal?: AbortSignal,
  ): Promise<void> {
    if (signal?.aborted)
      throw new ClusterError('Timeout', 'the request was aborted', { cause: signal.reason });
    const call = {
      kind: target.kind,
      name: 'name' in target ? target.name : undefined,
      namespace: target.namespace,
    };
    await this.faults.intercept(operation, call, signal).catch((e: unknown) => {
      if (e instanceof ClusterError) throw e;
      throw new ClusterError('Timeout', 'the request was aborted', { cause: e });
    });
  }

  #time(): string {
    return this.#now()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
  }

  #key(served: ServedKind, namespace: string | undefined, name: string): string {
    return `${served.group}|${served.kind}|${served.namespaced ? (namespace ?? '') : ''}|${name}`;
  }

  #sortKey(object: YamlMap): string {
    const ref = refOf(object);
    return `${ref.namespace ?? ''}/${ref.name}`;
  }

  #served(ref: ObjectRef): ServedKind {
    const served = this.#registry.lookup(ref.apiVersion, ref.kind);
    validateScope(ref, served.group, served.namespaced);
    return served;
  }

  #existing(served: ServedKind, ref: ObjectRef): Stored {
    const stored = this.#store.get(this.#key(served, ref.namespace, ref.name));
    if (!stored)
      throw new ClusterError('NotFound', `${resourceName(served)} "${ref.name}" not found`, {
        ref,
      });
    return stored;
  }

  #selects(
    object: YamlMap,
    served: ServedKind,
    namespace: string | undefined,
    selector: ReturnType<typeof parseLabelSelector>,
  ): boolean {
    const ref = refOf(object);
    if (ref.kind !== served.kind || parseApiVersion(ref.apiVersion).group !== served.group)
      return false;
    if (namespace && ref.namespace !== namespace) return false;
    const labels = metadataOf(object)['labels'];
    return matchesLabels(isYamlMap(labels) ? labels : undefined, selector);
  }

  #checkNamespace(ref: ObjectRef, served: ServedKind): void {
    if (!served.namespaced || !ref.namespace) return;
    const ns = this.#store.get(`|Namespace||${ref.namespace}`);
    if (!ns)
      throw new ClusterError('NotFound', `namespaces "${ref.namespace}" not found`, {
        ref: { apiVersion: 'v1', kind: 'Namespace', name: ref.namespace },
      });
    if (metadataOf(ns.object)['deletionTimestamp'] !== undefined)
      throw new ClusterError(
        'Forbidden',
        `${resourceName(served)} "${ref.name}" is forbidden: unable to create new content in namespace ${ref.namespace} because it is being terminated`,
        { ref },
      );
  }

  #checkResourceVersion(object: YamlMap, before: Stored | undefined, ref: ObjectRef): void {
    const rv = metadataOf(object)['resourceVersion'];
    if (typeof rv !== 'string' || rv === '') return;
    if (!before) throw new ClusterError('NotFound', `${qualifiedName(ref)} not found`, { ref });
    if (rv !== metadataOf(before.object)['resourceVersion'])
      throw new ClusterError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedName(ref)}: the object has been modified; please apply your changes to the latest version and try again`,
        { ref },
      );
  }

  #writeUpdate(
    served: ServedKind,
    ref: ObjectRef,
    before: Stored | undefined,
    body: YamlMap,
    manager: string,
    subresource: 'status' | undefined,
    dryRun: boolean,
  ): KubeObject {
    const live = before ? stripForEngine(before.object) : {};
    const self = {
      manager,
      operation: 'Update' as const,
      apiVersion: ref.apiVersion,
      ...(subresource ? { subresource } : {}),
    };
    let managers: Map<string, ManagedSet>;
    try {
      managers = updateObject(
        live,
        body,
        served.schema(parseApiVersion(ref.apiVersion).version),
        toManagers(before?.managers ?? []),
        managerId(self),
        ref.apiVersion,
      );
    } catch (e) {
      throw engineError(e, ref, before?.managers ?? []);
    }
    return this.#commit(served, ref, before, body, managers, self, dryRun);
  }

  #commit(
    served: ServedKind,
    ref: ObjectRef,
    before: Stored | undefined,
    body: YamlMap,
    managers: Map<string, ManagedSet>,
    self: Omit<ManagerEntry, 'set' | 'time'>,
    dryRun: boolean,
  ): KubeObject {
    const next = cloneYaml(body);
    const { group } = parseApiVersion(ref.apiVersion);
    if (group === '' && ref.kind === 'Secret') foldStringData(next);
    validateFieldTypes(next, ref, group);
    applyServerDefaults(next, ref, group, this.#resourceVersion + 1, !before);
    validateDefaulted(next, ref, group);
    if (before) checkImmutableFields(before.object, next, ref, group);
    for (const [id, m] of managers) {
      const set = withoutUnowned(m.set);
      if (set.isEmpty()) managers.delete(id);
      else managers.set(id, { ...m, set });
    }
    const time = this.#time();
    const entries = fromManagers(before?.managers ?? [], managers, self, time);
    const meta = metadataOf(next);
    next['metadata'] = meta;
    if (before) {
      const old = metadataOf(before.object);
      for (const f of [
        'uid',
        'creationTimestamp',
        'deletionTimestamp',
        'generation',
        'resourceVersion',
      ] as const)
        if (old[f] !== undefined) meta[f] = old[f];
      if (specChanged(before.object, next)) meta['generation'] = Number(old['generation'] ?? 1) + 1;
      const sameManagers =
        entries.length === before.managers.length &&
        entries.every((e, i) => {
          const b = before.managers[i];
          return b !== undefined && managerId(b) === managerId(e) && b.set.equals(e.set);
        });
      if (sameManagers && yamlEqual(before.object, next))
        return this.#render(before, ref.apiVersion);
    } else {
      meta['uid'] = globalThis.crypto.randomUUID();
      meta['creationTimestamp'] = time;
      meta['generation'] = 1;
    }
    if (!dryRun) meta['resourceVersion'] = String(++this.#resourceVersion);
    const stored: Stored = { object: next, managers: entries };
    if (dryRun) return this.#render(stored, ref.apiVersion);
    const key = this.#key(served, ref.namespace, ref.name);
    this.#store.set(key, stored);
    if (group === 'apiextensions.k8s.io' && ref.kind === 'CustomResourceDefinition') {
      stored.object['status'] = establishedCrdStatus(stored.object, time);
      if (meta['deletionTimestamp'] === undefined) this.#registry.registerCrd(stored.object);
    }
    this.#hub.emit({ type: before ? 'MODIFIED' : 'ADDED', object: this.#render(stored) });
    if (
      !subresourceWrite(self) &&
      (!before || metadataOf(before.object)['generation'] !== meta['generation'])
    )
      this.#simulator?.onWrite(next, time);
    // Only a write to an object being deleted, or one with owners, can make collection do
    // anything; skipping the full scan otherwise keeps writes O(1) in the store size.
    if (meta['deletionTimestamp'] !== undefined || ownerUids(next).length > 0) this.#gc.collect();
    const after = this.#store.get(key);
    return after ? this.#render(after, ref.apiVersion) : this.#render(stored, ref.apiVersion);
  }

  #controllerStatus(ref: ObjectRef, status: YamlMap): void {
    const served = this.#registry.lookup(ref.apiVersion, ref.kind);
    const stored = this.#store.get(this.#key(served, ref.namespace, ref.name));
    if (!stored) return;
    const observed = status['observedGeneration'];
    if (observed !== undefined && observed !== metadataOf(stored.object)['generation']) return;
    const body = stripForEngine(stored.object);
    body['status'] = status;
    this.#writeUpdate(
      served,
      refOf(stored.object),
      stored,
      body,
      'kube-controller-manager',
      'status',
      false,
    );
  }

  #createNamespace(name: string): void {
    const served = this.#registry.lookup('v1', 'Namespace');
    const ref = { apiVersion: 'v1', kind: 'Namespace', name };
    this.#writeUpdate(
      served,
      ref,
      undefined,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      'kube-apiserver',
      undefined,
      false,
    );
  }

  #touch(stored: Stored): void {
    metadataOf(stored.object)['resourceVersion'] = String(++this.#resourceVersion);
    this.#hub.emit({ type: 'MODIFIED', object: this.#render(stored) });
  }

  #remove(key: string): void {
    const stored = this.#store.get(key);
    if (!stored) return;
    this.#store.delete(key);
    const ref = refOf(stored.object);
    if (
      ref.kind === 'CustomResourceDefinition' &&
      parseApiVersion(ref.apiVersion).group === 'apiextensions.k8s.io'
    ) {
      this.#registry.unregisterCrd(ref.name);
      const spec = isYamlMap(stored.object['spec']) ? stored.object['spec'] : {};
      const kind = isYamlMap(spec['names']) ? spec['names']['kind'] : undefined;
      for (const [k, s] of this.#store)
        if (
          s.object['kind'] === kind &&
          parseApiVersion(String(s.object['apiVersion'])).group === spec['group']
        ) {
          this.#store.delete(k);
          this.#hub.emit({ type: 'DELETED', object: this.#render(s) });
        }
    }
    this.#hub.emit({ type: 'DELETED', object: this.#render(stored) });
  }

  #render(stored: Stored, apiVersion?: string): KubeObject {
    const out = cloneYaml(stored.object);
    if (apiVersion) out['apiVersion'] = apiVersion;
    const meta = metadataOf(out);
    out['metadata'] = meta;
    if (stored.managers.length > 0) meta['managedFields'] = renderManagedFields(stored.managers);
    return out;
  }

  #restore(snapshot: ClusterSnapshot): void {
    this.#resourceVersion = snapshot.resourceVersion;
    const crds = snapshot.objects.filter((o) => o['kind'] === 'CustomResourceDefinition');
    for (const crd of crds) this.#registry.registerCrd(crd);
    for (const raw of snapshot.objects) {
      const object = cloneYaml(raw);
      const meta = metadataOf(object);
      const managers = parseManagedFields(meta['managedFields']);
      delete meta['managedFields'];
      const ref = refOf(object);
      const served = this.#registry.lookup(ref.apiVersion, ref.kind);
      // kube-apiserver defaults what it reads from storage too, so snapshots saved before a
      // default existed read back defaulted (without a new generation).
      applyServerDefaults(object, ref, served.group, this.#resourceVersion + 1, false);
      this.#store.set(this.#key(served, ref.namespace, ref.name), { object, managers });
    }
  }
}

/** JSON with bigint support, for fingerprints. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}
