import type { YamlMap } from '@kustomate/resource';
import {
  hasMetadataValue,
  ownerOf,
  PRUNE_ANNOTATION,
  RECONCILE_ANNOTATION,
  SSA_ANNOTATION,
  type PruneOwner,
} from './owner.js';

/** What the executor does with a stale object. */
export type PruneAction = 'delete' | 'skip';

/** Why a stale object is deleted (`Stale`) or kept (all others). */
export type PruneReason =
  | 'Stale'
  | 'HandedOver'
  | 'OwnerLabelsMissing'
  | 'OwnedByOther'
  | 'PruneDisabled'
  | 'ReconcileDisabled'
  | 'SsaIgnore';

/** The verdict on one stale object. */
export interface PruneDecision {
  action: PruneAction;
  reason: PruneReason;
  /** Human-readable reason. */
  message: string;
  /** For `HandedOver`: the Kustomization that now builds the object. */
  handedOverTo?: PruneOwner;
}

/**
 * Formats an owner as `namespace/name`.
 *
 * @example
 * ```ts
 * formatOwner({ name: 'apps', namespace: 'flux-system' }); // 'flux-system/apps'
 * ```
 */
export function formatOwner(o: PruneOwner): string {
  return `${o.namespace}/${o.name}`;
}

/**
 * Decides what to do with one stale object, in Flux's order: a hand-over to a sibling
 * Kustomization first, then the live object's owner labels, then its `prune: disabled`,
 * `reconcile: disabled` and `ssa: Ignore` markers; otherwise it is deleted. Without a live
 * copy only the hand-over can be checked.
 *
 * @example
 * ```ts
 * decidePrune(liveObject, { name: 'apps', namespace: 'flux-system' }, undefined).action; // 'delete'
 * ```
 */
export function decidePrune(
  live: YamlMap | undefined,
  owner: PruneOwner,
  heir: PruneOwner | undefined,
): PruneDecision {
  if (heir) {
    return {
      action: 'skip',
      reason: 'HandedOver',
      message: `handed over to Kustomization ${formatOwner(heir)} in the same run`,
      handedOverTo: heir,
    };
  }
  if (live) {
    const named = ownerOf(live);
    if (!named)
      return { action: 'skip', reason: 'OwnerLabelsMissing', message: 'owner labels missing' };
    if (named.name !== owner.name || named.namespace !== owner.namespace) {
      return {
        action: 'skip',
        reason: 'OwnedByOther',
        message: `owner labels name ${formatOwner(named)}`,
      };
    }
    if (hasMetadataValue(live, PRUNE_ANNOTATION, 'disabled')) {
      return { action: 'skip', reason: 'PruneDisabled', message: `${PRUNE_ANNOTATION}: disabled` };
    }
    if (hasMetadataValue(live, RECONCILE_ANNOTATION, 'disabled')) {
      return {
        action: 'skip',
        reason: 'ReconcileDisabled',
        message: `${RECONCILE_ANNOTATION}: disabled`,
      };
    }
    if (hasMetadataValue(live, SSA_ANNOTATION, 'Ignore')) {
      return { action: 'skip', reason: 'SsaIgnore', message: `${SSA_ANNOTATION}: Ignore` };
    }
  }
  return { action: 'delete', reason: 'Stale', message: 'not in the new build' };
}
