export * from './errors.js';
export { encodeBase64 } from './base64.js';
export {
  SSA_ANNOTATION,
  RECONCILE_ANNOTATION,
  PRUNE_ANNOTATION,
  OWNER_NAME_LABEL,
  OWNER_NAMESPACE_LABEL,
  hasMetadataValue,
  identityKey,
  subjectOf,
} from './metadata.js';
export {
  normalizeObject,
  normalizeDryRunObject,
  SERVER_METADATA_FIELDS,
  POD_SPEC_PATHS,
} from './normalize.js';
export { quantitiesEqual } from './quantity.js';
export {
  scalarsEqual,
  QUANTITY_PARENT_KEYS,
  QUANTITY_KEYS,
  INT_OR_STRING_KEYS,
} from './scalar-equal.js';
export { parsePointer, formatPointer } from './json-pointer.js';
export { compileLabelSelector, type LabelMatcher } from './label-selector.js';
export {
  compileIgnoreRules,
  compileSelector,
  type IgnoreRule,
  type IgnoreSelector,
  type CompiledIgnoreRule,
} from './ignore-rules.js';
export {
  defaultTakeOverManagers,
  splitManagedFields,
  type ManagerMatcher,
  type Ownership,
  type OwnershipOptions,
} from './managed-fields.js';
export { compareValues, LIST_MERGE_KEYS, type Comparison } from './compare.js';
export {
  maskSecretPair,
  maskSecretPatch,
  SECRET_MASK,
  SECRET_MASK_BEFORE,
  SECRET_MASK_AFTER,
  LAST_APPLIED_ANNOTATION,
} from './mask.js';
export { emitYaml } from './emit-yaml.js';
export { exclusionReason } from './exclusion.js';
export { diffObjects, type DiffAction, type DiffOptions, type ObjectDiff } from './diff-objects.js';
export {
  diffSet,
  type DiffSet,
  type DiffSetOptions,
  type PrunedObject,
  type ProtectedObject,
  type ProtectionReason,
} from './diff-set.js';
