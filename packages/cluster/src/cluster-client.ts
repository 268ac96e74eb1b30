import type { ObjectRef, YamlMap } from '@kustomate/resource';

/** A Kubernetes object as plain data: `apiVersion`, `kind`, `metadata` and the rest. */
export type KubeObject = YamlMap;

/** Options of {@link ClusterClient.apply}. */
export interface ApplyOptions {
  /** The field manager that owns what this apply sets, e.g. `kustomize-controller`. */
  fieldManager: string;
  /** Take ownership of fields other managers own instead of failing with `Conflict`. */
  force?: boolean;
  /** Validate and return the would-be object without storing it. */
  dryRun?: boolean;
  signal?: AbortSignal;
}

/** Options of {@link ClusterClient.update} and {@link ClusterClient.updateStatus}. */
export interface UpdateOptions {
  /** The field manager recorded with operation `Update`. */
  fieldManager: string;
  dryRun?: boolean;
  signal?: AbortSignal;
}

/** The patch formats of {@link ClusterClient.patch}, as `kubectl patch --type` names them. */
export type PatchType = 'merge' | 'json' | 'strategic';

/** Options of {@link ClusterClient.patch}. */
export interface PatchOptions extends UpdateOptions {
  type: PatchType;
  /** Patch the `status` subresource instead of the main resource. */
  subresource?: 'status';
}

/** What {@link ClusterClient.list} and {@link ClusterClient.watch} select. */
export interface ListOptions {
  apiVersion: string;
  kind: string;
  /** Only this namespace; all namespaces when omitted. */
  namespace?: string;
  /** A label selector in kubectl syntax: `app=web,tier!=db,env in (a,b),!legacy`. */
  labelSelector?: string;
  signal?: AbortSignal;
}

/** How {@link ClusterClient.delete} treats dependents (objects whose `ownerReferences` name it). */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

/** Options of {@link ClusterClient.delete}. */
export interface DeleteOptions {
  /** Default `Background`. */
  propagationPolicy?: PropagationPolicy;
  dryRun?: boolean;
  signal?: AbortSignal;
}

/** One change seen by {@link ClusterClient.watch}. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KubeObject;
}

/** A served resource, as discovery describes it. */
export interface ApiResource {
  /** API group, `''` for the core group. */
  group: string;
  kind: string;
  /** The lower-case plural used in URLs, e.g. `deployments`. */
  plural: string;
  namespaced: boolean;
  /** Every served version, preferred (storage) version first. */
  versions: string[];
}

/**
 * The port through which Kustomate talks to a Kubernetes API server. Every method is
 * asynchronous and throws {@link ClusterError}; `createMemoryCluster()` implements it in memory
 * and `@kustomate/cluster-kube` against a real server. Run `describeClusterClient` from
 * `@kustomate/cluster/conformance` against any implementation.
 *
 * @example
 * ```ts
 * const live = await client.apply(deployment, { fieldManager: 'kustomate' });
 * const same = await client.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' });
 * ```
 */
export interface ClusterClient {
  /** Server-side apply: `object` becomes exactly the set of fields `fieldManager` owns. Returns the live object. */
  apply(object: KubeObject, options: ApplyOptions): Promise<KubeObject>;
  /** The object, or `undefined` when it does not exist. */
  get(ref: ObjectRef, options?: { signal?: AbortSignal }): Promise<KubeObject | undefined>;
  /** Every object of a kind, optionally in one namespace and matching a label selector. */
  list(options: ListOptions): Promise<KubeObject[]>;
  /** Creates an object (a POST); `AlreadyExists` when it exists. Recorded as an `Update` operation. */
  create(object: KubeObject, options: UpdateOptions): Promise<KubeObject>;
  /** Replaces an object (a PUT, what `kubectl edit` does). Recorded as an `Update` operation. */
  update(object: KubeObject, options: UpdateOptions): Promise<KubeObject>;
  /** Patches an object (what `kubectl patch` does). Recorded as an `Update` operation. */
  patch(ref: ObjectRef, patch: unknown, options: PatchOptions): Promise<KubeObject>;
  /** Replaces the `status` subresource only. */
  updateStatus(object: KubeObject, options: UpdateOptions): Promise<KubeObject>;
  /** Deletes an object; returns it as it is after the call (`undefined` once gone). */
  delete(ref: ObjectRef, options?: DeleteOptions): Promise<KubeObject | undefined>;
  /** Changes to objects of a kind, until `options.signal` aborts or the iterator is returned. */
  watch(options: ListOptions): AsyncIterable<WatchEvent>;
  /** Every served resource. */
  discover(options?: { signal?: AbortSignal }): Promise<ApiResource[]>;
  /** The resource serving `apiVersion`/`kind`; `NoKindMatch` when none does. */
  resourceFor(apiVersion: string, kind: string): Promise<ApiResource>;
}
