import { formatApiVersion, type ObjectRef } from '@kustomate/resource';
import { PrunePlannerError } from './errors.js';
import { inventoryId, parseInventoryId } from './inventory-id.js';
import { objMetadataOf, versionOf, type ObjectLike, type ObjMetadata } from './object-meta.js';

/** One `status.inventory.entries[]` item: the object's id and its API version (no group). */
export interface InventoryEntry {
  id: string;
  v: string;
}

/** Flux's change-set actions. */
export type ChangeSetAction =
  'created' | 'configured' | 'unchanged' | 'deleted' | 'skipped' | 'unknown';

/** One change-set entry of an apply: which object, and what happened to it. */
export interface ChangeSetEntry {
  object: ObjectLike;
  action: ChangeSetAction;
}

/** An inventory entry decoded into a reference. */
export interface InventoryObject {
  entry: InventoryEntry;
  meta: ObjMetadata;
  ref: ObjectRef;
}

/** An inventory entry that could not be decoded; reported, never acted on. */
export interface InvalidInventoryEntry {
  entry: InventoryEntry;
  error: PrunePlannerError;
}

/**
 * The inventory entry of one object.
 *
 * @example
 * ```ts
 * inventoryEntry({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'podinfo', namespace: 'default' });
 * // { id: 'default_podinfo_apps_Deployment', v: 'v1' }
 * ```
 */
export function inventoryEntry(obj: ObjectLike): InventoryEntry {
  return { id: inventoryId(obj), v: versionOf(obj) };
}

/**
 * The inventory recorded after an apply, as Flux records it: every change-set entry except
 * `deleted` ones (so `unchanged` and `skipped` objects stay tracked), first occurrence of an
 * id wins.
 *
 * @example
 * ```ts
 * createInventory([{ object: svc, action: 'created' }, { object: cm, action: 'skipped' }]);
 * ```
 */
export function createInventory(changeSet: readonly ChangeSetEntry[]): InventoryEntry[] {
  const seen = new Set<string>();
  const out: InventoryEntry[] = [];
  for (const change of changeSet) {
    if (change.action === 'deleted') continue;
    const entry = inventoryEntry(change.object);
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    out.push(entry);
  }
  return out;
}

/**
 * Decodes inventory entries into references, separating the corrupt ones (bad id, empty
 * kind or name, missing version) so that they are reported and never deleted blindly.
 *
 * @example
 * ```ts
 * const { objects, invalid } = readInventory(ks.status.inventory.entries);
 * ```
 */
export function readInventory(entries: readonly InventoryEntry[]): {
  objects: InventoryObject[];
  invalid: InvalidInventoryEntry[];
} {
  const objects: InventoryObject[] = [];
  const invalid: InvalidInventoryEntry[] = [];
  for (const entry of entries) {
    try {
      const meta = parseInventoryId(entry.id);
      if (typeof entry.v !== 'string' || entry.v === '') {
        throw new PrunePlannerError(
          'InvalidInventoryId',
          `inventory entry '${entry.id}' has no version`,
          {
            location: { object: entry.id },
            data: { id: entry.id },
          },
        );
      }
      const ref: ObjectRef = {
        apiVersion: formatApiVersion(meta.group, entry.v),
        kind: meta.kind,
        name: meta.name,
        ...(meta.namespace ? { namespace: meta.namespace } : {}),
      };
      objects.push({ entry, meta, ref });
    } catch (error) {
      if (!(error instanceof PrunePlannerError)) throw error;
      invalid.push({ entry, error });
    }
  }
  return { objects, invalid };
}

/** The version-less key two objects share when they are the same object. */
export function objectKey(obj: ObjectLike): string {
  return inventoryId(objMetadataOf(obj));
}
