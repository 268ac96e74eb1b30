import type { YamlMap } from '@kustomate/resource';
import { FieldSet } from '../fieldpath/field-set.js';
import type { SchemaNode } from '../schema/type-schema.js';
import { compareObjects } from './compare.js';
import { mergeValues } from './merge.js';
import { removeItems } from './remove-items.js';
import { SsaError } from './ssa-error.js';
import type { OwnershipConflict } from './ssa-error.js';
import { toFieldSet } from './to-field-set.js';

/** What one manager owns, at which API version, and whether it got it by applying. */
export interface ManagedSet {
  set: FieldSet;
  apiVersion: string;
  applied: boolean;
}

/** Managers by identifier (a bare name, or the API server's manager+operation identity). */
export type Managers = ReadonlyMap<string, ManagedSet>;

/** The result of {@link applyConfig} and {@link updateObject}. */
export interface OwnershipResult {
  object: YamlMap;
  managers: Map<string, ManagedSet>;
}

function reassign(
  live: YamlMap,
  next: YamlMap,
  schema: SchemaNode | undefined,
  managers: Map<string, ManagedSet>,
  self: string,
  force: boolean,
) {
  const compare = compareObjects(live, next, schema);
  const changed = compare.modified.union(compare.added);
  const conflicts: OwnershipConflict[] = [];
  const lost = new Map<string, FieldSet>();
  for (const [id, owned] of managers) {
    if (id === self) continue;
    const clash = owned.set.intersection(changed);
    if (!clash.isEmpty()) {
      lost.set(id, clash);
      for (const path of clash.paths()) conflicts.push({ manager: id, path });
    }
  }
  if (!force && conflicts.length > 0)
    throw new SsaError('conflict', `Apply failed with ${conflicts.length} conflict(s)`, conflicts);
  for (const [id, owned] of managers) {
    if (id === self) continue;
    const remaining = owned.set
      .difference(lost.get(id) ?? new FieldSet())
      .difference(compare.removed);
    if (remaining.isEmpty()) managers.delete(id);
    else managers.set(id, { ...owned, set: remaining });
  }
  return compare;
}

/**
 * Server-side apply of `config` by manager `self` at `apiVersion` (structured-merge-diff's
 * `Updater.Apply`): merges it into `live`, makes it exactly `self`'s field set, removes what
 * `self` applied before and no longer applies (unless another manager owns it), and fails with
 * an {@link SsaError} conflict when it changes fields other managers own, unless `force`.
 *
 * @example
 * ```ts
 * const { object, managers } = applyConfig({}, { a: 1 }, DEDUCED_SCHEMA, new Map(), 'me', 'v1', false);
 * ```
 */
export function applyConfig(
  live: YamlMap,
  config: YamlMap,
  schema: SchemaNode | undefined,
  managers: Managers,
  self: string,
  apiVersion: string,
  force: boolean,
): OwnershipResult {
  const next = new Map(managers);
  let merged = mergeValues(live, config, schema);
  const lastSet = next.get(self);
  next.set(self, { set: toFieldSet(config, schema), apiVersion, applied: true });
  if (lastSet && !lastSet.set.isEmpty()) merged = prune(merged, schema, next, lastSet.set);
  reassign(live, merged, schema, next, self, force);
  const own = next.get(self);
  if (own && own.set.isEmpty()) next.delete(self);
  return { object: merged, managers: next };
}

function prune(
  merged: YamlMap,
  schema: SchemaNode | undefined,
  managers: Map<string, ManagedSet>,
  lastSet: FieldSet,
): YamlMap {
  let ownedByAnyone = new FieldSet();
  for (const owned of managers.values()) ownedByAnyone = ownedByAnyone.union(owned.set);
  const mergedSet = toFieldSet(merged, schema, true);
  const pruned = removeItems(merged, lastSet, schema);
  const keptOwned = removeItems(
    merged,
    mergedSet.difference(toFieldSet(pruned, schema, true).union(ownedByAnyone)),
    schema,
  );
  const keptSet = toFieldSet(keptOwned, schema, true);
  return removeItems(
    merged,
    mergedSet.difference(keptSet).intersection(lastSet),
    schema,
    ownedByAnyone,
  );
}

/**
 * A non-apply write (create, update, patch) by manager `self` (structured-merge-diff's
 * `Updater.Update`): other managers lose the fields it changed or removed, and `self` gains
 * what it changed or added.
 *
 * @example
 * ```ts
 * const managers = updateObject({ a: 1 }, { a: 2 }, DEDUCED_SCHEMA, new Map(), 'kubectl', 'v1');
 * ```
 */
export function updateObject(
  live: YamlMap,
  next: YamlMap,
  schema: SchemaNode | undefined,
  managers: Managers,
  self: string,
  apiVersion: string,
): Map<string, ManagedSet> {
  const out = new Map(managers);
  const compare = reassign(live, next, schema, out, self, true);
  const previous = out.get(self)?.set ?? new FieldSet();
  const set = previous.union(compare.modified).union(compare.added).difference(compare.removed);
  if (set.isEmpty()) out.delete(self);
  else out.set(self, { set, apiVersion, applied: false });
  return out;
}
