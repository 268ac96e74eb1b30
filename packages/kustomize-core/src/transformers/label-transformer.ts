import type { FieldSpec } from '../data/field-spec-types.js';
import { wrapError } from '../filters/go-res-id.js';
import { setMapEntries } from '../filters/map-entries-filter.js';
import type { ResMap } from '../resource/res-map.js';
import { mergeFieldSpec, mergeFieldSpecs } from './field-spec-list.js';
import { defaultTransformerConfig, type TransformerConfig } from './transformer-config.js';

/** One `labels:` entry of a kustomization (kustomize `types.Label`). */
export interface LabelsEntry {
  pairs: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  /** Extra field specs (`fields`). */
  fields?: FieldSpec[];
}

const METADATA_LABELS: FieldSpec = {
  group: '',
  version: '',
  kind: '',
  path: 'metadata/labels',
  create: true,
};

/**
 * The field specs of one `labels:` entry (kusttarget_configplugin.go): its `fields`, merged
 * with the config's `labels` list, then with the `commonLabels` list when `includeSelectors`,
 * else with the `templateLabels` list when `includeTemplates` and `metadata/labels` (create).
 * Merging follows `FsSlice.MergeAll` (duplicates dropped, conflicting `create` flags → error).
 */
export function labelsEntryFieldSpecs(entry: LabelsEntry, config: TransformerConfig): FieldSpec[] {
  try {
    let fss = mergeFieldSpecs([], entry.fields ?? []);
    fss = mergeFieldSpecs(fss, config.labels);
    if (entry.includeSelectors) return mergeFieldSpecs(fss, config.commonLabels);
    if (entry.includeTemplates) fss = mergeFieldSpecs(fss, config.templateLabels);
    return mergeFieldSpec(fss, METADATA_LABELS);
  } catch (e) {
    throw wrapError(e, 'labels', 'TransformerConfig');
  }
}

/**
 * kustomize's LabelTransformer: on every resource, for each label key in sorted order and each
 * field spec (GVK of the current object), creates the maps the spec allows and sets the label
 * as a string. No labels, no change. `commonLabels` uses the config's `commonLabels` list
 * (which creates Service `spec.selector` and workload `matchLabels`, but not a Job selector);
 * each `labels:` entry uses {@link labelsEntryFieldSpecs}.
 *
 * @example applyLabels(resmap, { app: 'web' }, config.commonLabels)
 */
export function applyLabels(
  resmap: ResMap,
  labels: Readonly<Record<string, string>>,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().commonLabels,
): void {
  if (Object.keys(labels).length === 0) return;
  for (const r of resmap.resources) setMapEntries(r, labels, fieldSpecs);
}
