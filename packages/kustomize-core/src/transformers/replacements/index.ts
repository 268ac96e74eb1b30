/**
 * kustomize `replacements`: types, parsing, the transformer, and the Kubernetes label
 * selector parser shared with patch targets.
 *
 * @module
 */
export {
  DEFAULT_REPLACEMENT_FIELD_PATH,
  formatFieldOptions,
  formatGvkString,
  formatResIdSelector,
  formatSourceSelector,
  type FieldOptions,
  type Replacement,
  type ReplacementField,
  type ResIdSelector,
  type Selector,
  type SourceSelector,
  type TargetSelector,
} from './types.js';
export {
  expandReplacementFields,
  parseReplacementFields,
  replacementConfigForError,
  replacementFieldsFromPluginConfig,
  replacementsFromFile,
} from './parse-replacements.js';
export { applyReplacements } from './apply-replacements.js';
export { parseLabelSelector, type LabelSelectorMatcher } from './label-selector.js';
export { idIsSelectedBy } from './select-resources.js';
export { cleanPath, convertSliceIndex, pathSplitter, smarterPathSplitter } from './field-path.js';
export { lookupPath } from './lookup-path.js';
export { goQuote } from './label-validation.js';
