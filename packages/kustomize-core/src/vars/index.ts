/**
 * kustomize `vars`: types, the var set merged across kustomizations, objref matching and
 * `$(VAR)` resolution at the varReference field specs.
 *
 * @module
 */
export {
  DEFAULT_VAR_FIELD_PATH,
  defaultVar,
  formatVar,
  formatVarList,
  varGvk,
  varsFromArgs,
  withVarGvk,
  type Var,
  type VarObjRef,
} from './types.js';
export { VarSet } from './var-set.js';
export { mergeVars } from './merge-vars.js';
export { expandVars, syntaxWrap, type Expansion } from './expand.js';
export {
  badReplacementWarning,
  expansionOf,
  formatGoValue,
  readVarValue,
  type VarValue,
} from './var-value.js';
export { resolveVars, type ResolveVarsResult } from './resolve-vars.js';
