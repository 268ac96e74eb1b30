import type { FieldSpec } from '../data/field-spec-types.js';
import { setMapEntries } from '../filters/map-entries-filter.js';
import type { ResMap } from '../resource/res-map.js';
import { defaultTransformerConfig } from './transformer-config.js';

/**
 * kustomize's AnnotationsTransformer (`commonAnnotations:`): like the label transformer, each
 * annotation (sorted keys) set as a string on every field spec, creating maps where allowed
 * (`metadata/annotations` and pod-template annotations by default). No annotations, no change.
 */
export function applyAnnotations(
  resmap: ResMap,
  annotations: Readonly<Record<string, string>>,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().commonAnnotations,
): void {
  if (Object.keys(annotations).length === 0) return;
  for (const r of resmap.resources) setMapEntries(r, annotations, fieldSpecs);
}
