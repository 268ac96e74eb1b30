import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { deletionLimit, type DeletionBudget } from './budget.js';
import { PrunePlannerError } from './errors.js';
import {
  objectKey,
  readInventory,
  type InvalidInventoryEntry,
  type InventoryEntry,
} from './inventory.js';
import { formatSubject, type ObjectLike, type ObjMetadata } from './object-meta.js';
import type { PruneOwner } from './owner.js';
import { decidePrune, formatOwner, type PruneDecision } from './prune-decision.js';
import { compareDeleteOrder } from './reconcile-order.js';

/** Safety policy of a prune. */
export interface PrunePolicy {
  /** Refuse a plan deleting more than this many objects (or this share of the previous inventory). */
  maxDeletions?: DeletionBudget;
  /** Return the plan without authorising it, for a human to confirm. */
  confirm?: boolean;
}

/** Another Kustomization reconciled in the same run, and what it now builds. */
export interface PruneSibling {
  owner: PruneOwner;
  desired: readonly ObjectLike[];
}

/** Input of {@link planPrune}. */
export interface PrunePlanInput {
  /** The previous inventory (`status.inventory.entries`). */
  previous: readonly InventoryEntry[];
  /** The objects of the new build. */
  desired: readonly ObjectLike[];
  /**
   * Live copies of (at least) the stale objects. When given, a stale object missing from it
   * is already gone, and labels/annotations are checked; when omitted, deletions are
   * unverified and the executor must check them.
   */
  live?: readonly YamlMap[];
  /** The Kustomization whose inventory this is. */
  owner: PruneOwner;
  policy?: PrunePolicy;
  /** Kustomizations reconciled together with this one: objects they now build are handed over. */
  siblings?: readonly PruneSibling[];
}

/** One stale object and what to do with it. */
export interface PruneEntry extends PruneDecision {
  subject: string;
  id: string;
  ref: ObjectRef;
  meta: ObjMetadata;
  /** Whether the decision used the live object (labels and annotations checked). */
  verified: boolean;
}

/** The outcome of {@link planPrune}: entries in the order deletion must run. */
export interface PrunePlan {
  owner: PruneOwner;
  entries: PruneEntry[];
  /** Stale objects that no longer exist: nothing to do. */
  gone: ObjectRef[];
  /** Corrupt inventory entries: reported, never deleted. */
  invalid: InvalidInventoryEntry[];
  budget: { limit?: number; deletions: number; exceeded: boolean };
  /** `false` in confirm mode: the executor must not act before a human confirms. */
  authorized: boolean;
}

/** Data of a `DeletionBudgetExceeded` error. */
export interface BudgetExceededData {
  limit: number;
  inventorySize: number;
  wouldDelete: string[];
}

/**
 * Plans garbage collection of one Kustomization: every object of the previous inventory
 * missing from the new build (compared without version) gets an entry — `delete` with reason
 * `Stale`, or `skip` when it was handed over to a sibling Kustomization in the same run, when
 * its owner labels are missing or name another Kustomization, or when it is marked
 * `prune: disabled`, `reconcile: disabled` or `ssa: Ignore`. Objects already gone get no
 * entry; corrupt inventory entries are listed in `invalid` and never acted on. Entries are
 * in deletion order (the reverse of the apply order: Namespaces and CRDs last). A deletion
 * budget is enforced by throwing `DeletionBudgetExceeded`, unless `policy.confirm` is set, in
 * which case the plan is returned unauthorised with `budget.exceeded` set.
 *
 * @example
 * ```ts
 * const plan = planPrune({
 *   previous: ks.status.inventory.entries,
 *   desired: built,
 *   live: liveStaleObjects,
 *   owner: { name: 'apps', namespace: 'flux-system' },
 *   policy: { maxDeletions: '20%' },
 * });
 * for (const e of plan.entries) if (e.action === 'delete') await cluster.delete(e.ref);
 * ```
 */
export function planPrune(input: PrunePlanInput): PrunePlan {
  const { objects, invalid } = readInventory(input.previous);
  const desiredKeys = new Set(input.desired.map(objectKey));
  const heirs = new Map<string, PruneOwner>();
  for (const sibling of input.siblings ?? []) {
    for (const obj of sibling.desired) {
      if (!heirs.has(objectKey(obj))) heirs.set(objectKey(obj), sibling.owner);
    }
  }
  const liveByKey = input.live ? new Map(input.live.map((o) => [objectKey(o), o])) : undefined;
  const entries: PruneEntry[] = [];
  const gone: ObjectRef[] = [];
  const seen = new Set<string>();
  for (const obj of objects) {
    const key = objectKey(obj.meta);
    if (desiredKeys.has(key) || seen.has(key)) continue;
    seen.add(key);
    const live = liveByKey?.get(key);
    if (liveByKey && !live) {
      gone.push(obj.ref);
      continue;
    }
    entries.push({
      ...decidePrune(live, input.owner, heirs.get(key)),
      subject: formatSubject(obj.meta),
      id: obj.entry.id,
      ref: obj.ref,
      meta: obj.meta,
      verified: live !== undefined,
    });
  }
  entries.sort((a, b) => compareDeleteOrder(a.meta, b.meta));
  const deletions = entries.filter((e) => e.action === 'delete');
  const policy = input.policy ?? {};
  const limit =
    policy.maxDeletions === undefined
      ? undefined
      : deletionLimit(policy.maxDeletions, input.previous.length);
  const exceeded = limit !== undefined && deletions.length > limit;
  if (exceeded && !policy.confirm) {
    throw new PrunePlannerError<BudgetExceededData>(
      'DeletionBudgetExceeded',
      `prune of ${formatOwner(input.owner)} would delete ${deletions.length} objects, more than the budget of ${limit}: ${deletions.map((e) => e.subject).join(', ')}`,
      {
        location: {
          object: `Kustomization/${formatOwner(input.owner)}`,
          field: 'policy.maxDeletions',
        },
        data: {
          limit,
          inventorySize: input.previous.length,
          wouldDelete: deletions.map((e) => e.subject),
        },
      },
    );
  }
  return {
    owner: input.owner,
    entries,
    gone,
    invalid,
    budget: { ...(limit === undefined ? {} : { limit }), deletions: deletions.length, exceeded },
    authorized: !policy.confirm,
  };
}
