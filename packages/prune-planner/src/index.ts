export * from './errors.js';
export { objMetadataOf, formatSubject, type ObjMetadata, type ObjectLike } from './object-meta.js';
export { inventoryId, parseInventoryId, RBAC_KINDS } from './inventory-id.js';
export {
  inventoryEntry,
  createInventory,
  readInventory,
  type InventoryEntry,
  type InventoryObject,
  type InvalidInventoryEntry,
  type ChangeSetEntry,
  type ChangeSetAction,
} from './inventory.js';
export {
  RECONCILE_ORDER_FIRST,
  RECONCILE_ORDER_LAST,
  kindRank,
  compareApplyOrder,
  compareDeleteOrder,
} from './reconcile-order.js';
export {
  OWNER_NAME_LABEL,
  OWNER_NAMESPACE_LABEL,
  PRUNE_ANNOTATION,
  RECONCILE_ANNOTATION,
  SSA_ANNOTATION,
  ownerOf,
  type PruneOwner,
} from './owner.js';
export { deletionLimit, type DeletionBudget } from './budget.js';
export {
  decidePrune,
  formatOwner,
  type PruneAction,
  type PruneReason,
  type PruneDecision,
} from './prune-decision.js';
export { planPruneAll } from './plan-prune-all.js';
export {
  planPrune,
  type PrunePolicy,
  type PruneSibling,
  type PrunePlanInput,
  type PruneEntry,
  type PrunePlan,
  type BudgetExceededData,
} from './plan-prune.js';
