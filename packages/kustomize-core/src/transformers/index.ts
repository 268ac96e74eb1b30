export {
  applyFieldSpec,
  fieldSpecSelects,
  splitFieldPath,
  walkFieldSpec,
  type CreateKind,
  type FieldVisit,
} from '../filters/field-spec-walk.js';
export { linkScalarFields, setFieldValue } from '../filters/scalar-aliases.js';
export { isImageMatched, splitImage } from '../filters/image-name.js';
export {
  emptyTransformerConfig,
  defaultTransformerConfig,
  mergeTransformerConfig,
  makeTransformerConfig,
  sortTransformerConfig,
  type TransformerConfig,
} from './transformer-config.js';
export { parseTransformerConfig } from './parse-transformer-config.js';
export { transformerConfigFromCrds } from './config-from-crds.js';
export {
  gvkIsLessThan,
  mergeFieldSpec,
  mergeFieldSpecs,
  mergeNameBackReferences,
  sortByGvk,
} from './field-spec-list.js';
export {
  applyNamespace,
  type NamespaceOptions,
  type RoleBindingSubjectMode,
} from './namespace-transformer.js';
export { applyPrefix } from './prefix-transformer.js';
export { applySuffix } from './suffix-transformer.js';
export { applyLabels, labelsEntryFieldSpecs, type LabelsEntry } from './label-transformer.js';
export { applyAnnotations } from './annotations-transformer.js';
export { applyImageTag, applyImages, type ImageSpec } from './image-tag-transformer.js';
export { applyReplicaCount, applyReplicas, type ReplicaSpec } from './replica-count-transformer.js';
export { fixNameReferences } from './name-reference-transformer.js';
