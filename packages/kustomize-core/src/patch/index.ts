/**
 * Patches as kustomize v5.5 applies them: strategic merge (kyaml merge2), JSON 6902
 * (evanphx/json-patch v4) and the choice between the two for a `patches` entry.
 */
export { applyStrategicMerge, type StrategicMergeOptions } from './strategic-merge.js';
export { applyJson6902, validateJson6902Operations } from './json6902.js';
export { classifyPatch, isJson6902Document, type PatchKind } from './classify-patch.js';
export {
  createSchemaFromOpenApi,
  isNavigableSchema,
  type OpenApiSchemaOptions,
  type NavigableSchemaInfo,
  type SchemaCursor,
} from '../schema/custom-schema.js';
