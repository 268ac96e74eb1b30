import { KustomizeError } from '../errors.js';
import type { SchemaInfo } from '../schema/schema-info.js';
import type { KResource } from './k-resource.js';
import { effectiveNamespace, formatResId, resIdEquals, resIdKey, type ResId } from './res-id.js';

/**
 * An ordered list of resources with kustomize's id semantics (`resmap.ResMap`): current ids
 * are unique; lookups compare effective namespaces and exact GVKs.
 */
export class ResMap {
  private list: KResource[] = [];
  /**
   * Current-id keys of {@link list}, built lazily for `append`. Objects are mutated in place by
   * transformers, so every step that may rename resources ends with `dropEmpties()` or
   * `setAll()`, which drop the index.
   */
  private keys: Set<string> | undefined;
  /**
   * Any-id index (every current and previous id → resources, in list order), only kept while
   * a {@link withIdIndex} scope is open: no one renames resources in place there.
   */
  private anyIndex: Map<string, KResource[]> | undefined;
  private indexScopes = 0;

  constructor(readonly schema: SchemaInfo) {}

  /** The resources in order. The array is live; do not mutate it directly. */
  get resources(): readonly KResource[] {
    return this.list;
  }

  get size(): number {
    return this.list.length;
  }

  /** The key under which ids compare equal. */
  idKey(id: ResId): string {
    return resIdKey(id, (gvk) => this.schema.isClusterScoped(gvk));
  }

  /** kustomize id equality with this map's schema. */
  idEquals(a: ResId, b: ResId): boolean {
    return resIdEquals(a, b, (gvk) => this.schema.isClusterScoped(gvk));
  }

  /** The effective namespace of an id (`default` for none, `_non_namespaceable_` if cluster-scoped). */
  effectiveNamespace(id: ResId): string {
    return effectiveNamespace(id, (gvk) => this.schema.isClusterScoped(gvk));
  }

  /** Records a resource's current id as a previous id (kustomize `StorePreviousId`). */
  storePreviousId(res: KResource): void {
    res.storePreviousId(this.effectiveNamespace(res.curId()));
  }

  /** Appends a resource; its current id must not be taken. */
  append(res: KResource): void {
    const id = res.curId();
    const key = this.idKey(id);
    this.keys ??= new Set(this.list.map((r) => this.idKey(r.curId())));
    if (this.keys.has(key)) {
      throw new KustomizeError(
        'DuplicateResourceId',
        `may not add resource with an already registered id: ${formatResId(id)}`,
        { location: { object: formatResId(id), file: res.origin?.path } },
      );
    }
    this.keys.add(key);
    this.list.push(res);
    if (this.anyIndex) this.indexAnyIds(this.anyIndex, res);
  }

  /** Appends every resource of `other` (each must have a fresh id). */
  appendAll(other: ResMap | readonly KResource[]): void {
    for (const res of other instanceof ResMap ? other.resources : other) this.append(res);
  }

  /** Forgets the id index after resources were renamed in place. */
  invalidateIndex(): void {
    this.keys = undefined;
    this.anyIndex = undefined;
  }

  /** Resources whose current id equals `id`. */
  getByCurrentId(id: ResId): KResource[] {
    const key = this.idKey(id);
    return this.list.filter((r) => this.idKey(r.curId()) === key);
  }

  /** Resources any of whose ids (current or previous) equals `id`. */
  getByAnyId(id: ResId): KResource[] {
    const key = this.idKey(id);
    if (this.indexScopes > 0) {
      this.anyIndex ??= this.buildAnyIndex();
      return [...(this.anyIndex.get(key) ?? [])];
    }
    return this.list.filter((r) => r.allIds().some((rid) => this.idKey(rid) === key));
  }

  /**
   * Runs `fn` with lookups by any id served from an index instead of a scan. Use it around a
   * batch of appends/lookups (generators absorbing into a large map) during which resources are
   * not renamed in place; `replace`/`remove` inside the scope drop the index safely.
   */
  withIdIndex<T>(fn: () => T): T {
    this.indexScopes++;
    try {
      return fn();
    } finally {
      if (--this.indexScopes === 0) this.anyIndex = undefined;
    }
  }

  private buildAnyIndex(): Map<string, KResource[]> {
    const index = new Map<string, KResource[]>();
    for (const r of this.list) this.indexAnyIds(index, r);
    return index;
  }

  private indexAnyIds(index: Map<string, KResource[]>, r: KResource): void {
    for (const key of new Set(r.allIds().map((rid) => this.idKey(rid)))) {
      const bucket = index.get(key);
      if (bucket) bucket.push(r);
      else index.set(key, [r]);
    }
  }

  /** Index of a resource (by identity), or -1. */
  indexOf(res: KResource): number {
    return this.list.indexOf(res);
  }

  /** Removes a resource (by identity). */
  remove(res: KResource): void {
    const i = this.list.indexOf(res);
    if (i >= 0) this.list.splice(i, 1);
    this.keys = undefined;
    this.anyIndex = undefined;
  }

  /** Replaces `old` (by identity) with `res` at the same position. */
  replace(old: KResource, res: KResource): void {
    const i = this.list.indexOf(old);
    if (i < 0) throw new Error('ResMap.replace: resource not in map');
    this.list[i] = res;
    this.keys = undefined;
    this.anyIndex = undefined;
  }

  /** Replaces the whole list (e.g. after sorting or filtering). */
  setAll(resources: KResource[]): void {
    this.list = resources;
    this.keys = undefined;
    this.anyIndex = undefined;
  }

  /** Drops resources whose object became empty (kustomize `DropEmpties`). */
  dropEmpties(): void {
    this.list = this.list.filter((r) => Object.keys(r.object).length > 0);
    this.keys = undefined;
    this.anyIndex = undefined;
  }

  /** A deep copy. */
  clone(): ResMap {
    const m = new ResMap(this.schema);
    m.list = this.list.map((r) => r.clone());
    return m;
  }
}
