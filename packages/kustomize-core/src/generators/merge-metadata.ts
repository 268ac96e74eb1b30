import { isYamlMap, type YamlMap } from '@kustomate/resource';
import type { KResource } from '../resource/k-resource.js';
import { getStringMap, setStringMap } from './data-map.js';

/**
 * kustomize `Resource.CopyMergeMetaDataFieldsFrom(old)` as generator absorption uses it:
 * `res` keeps its body but takes labels and annotations `old ∪ res` (res wins, values as
 * strings, the map dropped when empty), `old`'s name and namespace, and `old`'s build
 * bookkeeping (previous ids, prefixes/suffixes, refs, behaviour). The hash flag survives
 * only when both had it [verified against kubectl v1.32.4].
 */
export function copyMergeMetadataFrom(res: KResource, old: KResource): void {
  const metadata = res.metadata();
  for (const field of ['labels', 'annotations'] as const) {
    const merged = { ...metaStringMap(old.object, field), ...metaStringMap(res.object, field) };
    setStringMap(metadata, field, merged);
  }
  res.name = old.name;
  res.namespace = old.namespace;
  const needsHash = res.needsHashSuffix && old.needsHashSuffix;
  const transformations =
    res.transformations.length > 0 ? res.transformations : old.transformations;
  res.copyBookkeepingFrom(old);
  res.needsHashSuffix = needsHash;
  res.transformations = [...transformations];
}

/** kustomize `MergeDataMapFrom` + `MergeBinaryDataMapFrom`: `old ∪ res` for both maps. */
export function mergeDataMapsFrom(res: KResource, old: KResource): void {
  for (const field of ['data', 'binaryData']) {
    setStringMap(res.object, field, {
      ...getStringMap(old.object, field),
      ...getStringMap(res.object, field),
    });
  }
}

function metaStringMap(object: YamlMap, field: 'labels' | 'annotations'): Record<string, string> {
  const md = object.metadata;
  return isYamlMap(md) ? getStringMap(md, field) : {};
}
