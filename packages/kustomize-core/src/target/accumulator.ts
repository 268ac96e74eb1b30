import { ResMap } from '../resource/res-map.js';
import type { SchemaInfo } from '../schema/schema-info.js';
import {
  createTransformerConfig,
  mergeTransformerConfigInto,
  type TransformerConfig,
} from './builtins.js';
import { VarSet } from '../vars/index.js';

/**
 * What accumulating a kustomization produces (kustomize `ResAccumulator`): resources, the
 * transformer configuration (which propagates up to parents), and vars.
 */
export interface Accumulator {
  resmap: ResMap;
  config: TransformerConfig;
  vars: VarSet;
}

/** An empty accumulator whose resources compare ids with `schema`. */
export function createEmptyAccumulator(schema: SchemaInfo): Accumulator {
  return { resmap: new ResMap(schema), config: createTransformerConfig(), vars: new VarSet() };
}

/** kustomize `MergeAccumulator`: resources appended (ids must be new), config and vars merged. */
export function mergeAccumulator(into: Accumulator, from: Accumulator): void {
  into.resmap.appendAll(from.resmap);
  mergeTransformerConfigInto(into, from.config);
  into.vars.mergeSet(from.vars);
}
