import type { YamlMap, YamlValue } from '@kustomate/resource';
import { FieldSet } from '../fieldpath/field-set.js';
import type { ManagedSet } from '../ssa/updater.js';

/** One `metadata.managedFields` entry, kept structured. */
export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: string;
  set: FieldSet;
}

/**
 * The API server's identity of a manager entry: name, operation, subresource, and for `Update`
 * the API version (an `Update` at another version is another entry).
 *
 * @example
 * ```ts
 * managerId({ manager: 'kubectl', operation: 'Update', apiVersion: 'v1' }); // '["kubectl","Update","v1",""]'
 * ```
 */
export function managerId(
  e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>,
): string {
  return JSON.stringify([
    e.manager,
    e.operation,
    e.operation === 'Update' ? e.apiVersion : '',
    e.subresource ?? '',
  ]);
}

/**
 * Entries as the ownership engine's managers map.
 *
 * @example
 * ```ts
 * applyConfig(live, config, schema, toManagers(stored.managers), id, 'v1', false);
 * ```
 */
export function toManagers(entries: readonly ManagerEntry[]): Map<string, ManagedSet> {
  return new Map(
    entries.map((e) => [
      managerId(e),
      { set: e.set, apiVersion: e.apiVersion, applied: e.operation === 'Apply' },
    ]),
  );
}

/**
 * Entries from the engine's result: surviving entries keep their place and time unless their set
 * changed; `self` gets `time`; new entries go last.
 *
 * @example
 * ```ts
 * stored.managers = fromManagers(stored.managers, result.managers, self, '2026-01-01T00:00:00Z');
 * ```
 */
export function fromManagers(
  before: readonly ManagerEntry[],
  after: ReadonlyMap<string, ManagedSet>,
  self: Omit<ManagerEntry, 'set' | 'time'>,
  time: string,
): ManagerEntry[] {
  const selfId = managerId(self);
  const out: ManagerEntry[] = [];
  for (const e of before) {
    const id = managerId(e);
    const m = after.get(id);
    if (!m) continue;
    const touched = id === selfId || !m.set.equals(e.set);
    out.push({ ...e, set: m.set, time: touched ? time : e.time });
  }
  const own = after.get(selfId);
  if (own && !before.some((e) => managerId(e) === selfId))
    out.push({ ...self, set: own.set, time });
  return out;
}

/**
 * Renders entries as `metadata.managedFields`.
 *
 * @example
 * ```ts
 * object.metadata.managedFields = renderManagedFields(stored.managers);
 * ```
 */
export function renderManagedFields(entries: readonly ManagerEntry[]): YamlValue[] {
  return entries.map((e) => {
    const out: YamlMap = {
      manager: e.manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      time: e.time,
      fieldsType: 'FieldsV1',
      fieldsV1: e.set.toFieldsV1(),
    };
    if (e.subresource) out['subresource'] = e.subresource;
    return out;
  });
}

/**
 * Reads `metadata.managedFields` back (entries with an unreadable field set are dropped).
 *
 * @example
 * ```ts
 * const entries = parseManagedFields(object.metadata.managedFields);
 * ```
 */
export function parseManagedFields(value: YamlValue | undefined): ManagerEntry[] {
  if (!Array.isArray(value)) return [];
  const out: ManagerEntry[] = [];
  for (const raw of value) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) continue;
    const set = FieldSet.fromFieldsV1(raw['fieldsV1'] ?? {});
    const operation = raw['operation'];
    if (!set || (operation !== 'Apply' && operation !== 'Update')) continue;
    out.push({
      manager: String(raw['manager'] ?? ''),
      operation,
      apiVersion: String(raw['apiVersion'] ?? ''),
      time: String(raw['time'] ?? ''),
      ...(typeof raw['subresource'] === 'string' ? { subresource: raw['subresource'] } : {}),
      set,
    });
  }
  return out;
}
