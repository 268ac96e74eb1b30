import { isYamlMap, parseApiVersion } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import type { PropagationPolicy } from '../cluster-client.js';
import { metadataOf } from './describe-object.js';
import type { ManagerEntry } from './managed-fields.js';

/** An object as the memory cluster stores it: `managedFields` kept structured beside it. */
export interface StoredObject {
  object: YamlMap;
  managers: ManagerEntry[];
}

/** What the garbage collector needs from the cluster. */
export interface GarbageCollectorHost {
  readonly store: Map<string, StoredObject>;
  time(): string;
  /** Records an in-place change (new resourceVersion, MODIFIED event). */
  touch(stored: StoredObject): void;
  /** Removes an object for good (DELETED event, CRD kinds unserved). */
  remove(key: string): void;
}

/**
 * The `metadata.ownerReferences[].uid`s of an object.
 *
 * @example
 * ```ts
 * ownerUids(pod); // ['0b5f…'] from metadata.ownerReferences
 * ```
 */
export function ownerUids(object: YamlMap): string[] {
  const refs = metadataOf(object)['ownerReferences'];
  return Array.isArray(refs) ? refs.filter(isYamlMap).map((r) => String(r['uid'])) : [];
}

/**
 * Deletion as the API server and kube-controller-manager do it: `deletionTimestamp`,
 * finalizers, namespace termination and `ownerReferences` garbage collection with `Background`,
 * `Foreground` and `Orphan` propagation — synchronously, so a delete is complete when it returns.
 *
 * @example
 * ```ts
 * const gc = new GarbageCollector(host);
 * gc.markDeleted(key, 'Foreground');
 * gc.collect();
 * ```
 */
export class GarbageCollector {
  readonly #host: GarbageCollectorHost;

  constructor(host: GarbageCollectorHost) {
    this.#host = host;
  }

  /** Starts deleting an object (and, by policy, its dependents or namespace contents). */
  markDeleted(key: string, policy: PropagationPolicy): void {
    const stored = this.#host.store.get(key);
    if (!stored) return;
    const meta = metadataOf(stored.object);
    const uid = meta['uid'];
    const dependents = [...this.#host.store.entries()].filter(([, s]) =>
      ownerUids(s.object).includes(String(uid)),
    );
    if (policy === 'Orphan')
      for (const [, dep] of dependents) {
        const depMeta = metadataOf(dep.object);
        const refs = (depMeta['ownerReferences'] as YamlValue[]).filter(
          (r) => !(isYamlMap(r) && r['uid'] === uid),
        );
        if (refs.length > 0) depMeta['ownerReferences'] = refs;
        else delete depMeta['ownerReferences'];
        this.#host.touch(dep);
      }
    const alreadyDeleting = meta['deletionTimestamp'] !== undefined;
    meta['deletionTimestamp'] ??= this.#host.time();
    if (policy === 'Foreground' && dependents.length > 0) {
      const finalizers = Array.isArray(meta['finalizers']) ? meta['finalizers'] : [];
      if (!finalizers.includes('foregroundDeletion'))
        meta['finalizers'] = [...finalizers, 'foregroundDeletion'];
      for (const [depKey] of dependents) this.markDeleted(depKey, 'Foreground');
    }
    if (
      stored.object['kind'] === 'Namespace' &&
      parseApiVersion(String(stored.object['apiVersion'])).group === ''
    ) {
      stored.object['status'] = { phase: 'Terminating' };
      const name = String(meta['name']);
      for (const [k, s] of this.#host.store)
        if (metadataOf(s.object)['namespace'] === name) this.markDeleted(k, 'Background');
    }
    const isNamespace =
      stored.object['kind'] === 'Namespace' && stored.object['apiVersion'] === 'v1';
    const stays =
      isNamespace || (Array.isArray(meta['finalizers']) && meta['finalizers'].length > 0);
    if (stays && (!alreadyDeleting || policy === 'Foreground')) this.#host.touch(stored);
  }

  /** Runs finalizer, namespace and owner-reference collection until nothing changes. */
  collect(): void {
    for (let changed = true; changed;) {
      changed = false;
      const uids = new Set(
        [...this.#host.store.values()].map((s) => String(metadataOf(s.object)['uid'])),
      );
      for (const [key, stored] of [...this.#host.store]) {
        if (!this.#host.store.has(key)) continue;
        const meta = metadataOf(stored.object);
        const owners = ownerUids(stored.object);
        if (
          owners.length > 0 &&
          meta['deletionTimestamp'] === undefined &&
          owners.every((u) => !uids.has(u))
        ) {
          this.markDeleted(key, 'Background');
          changed = true;
        }
        if (meta['deletionTimestamp'] === undefined) continue;
        const finalizers = (Array.isArray(meta['finalizers']) ? meta['finalizers'] : []).map(
          String,
        );
        if (finalizers.includes('foregroundDeletion')) {
          const uid = String(meta['uid']);
          const blocking = [...this.#host.store.values()].some((s) =>
            ownerUids(s.object).includes(uid),
          );
          if (!blocking) {
            const rest = finalizers.filter((f) => f !== 'foregroundDeletion');
            if (rest.length > 0) meta['finalizers'] = rest;
            else delete meta['finalizers'];
            this.#host.touch(stored);
            changed = true;
          }
          continue;
        }
        if (finalizers.length > 0) continue;
        if (stored.object['kind'] === 'Namespace' && stored.object['apiVersion'] === 'v1') {
          const name = String(meta['name']);
          if (
            [...this.#host.store.values()].some((s) => metadataOf(s.object)['namespace'] === name)
          )
            continue;
        }
        this.#host.remove(key);
        changed = true;
      }
    }
  }
}
