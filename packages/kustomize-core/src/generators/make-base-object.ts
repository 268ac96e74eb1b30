import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import type { GeneratorOptions } from './generator-args.js';
import { sortedKeys } from './data-map.js';

/**
 * The skeleton of a generated object (kustomize `makeBaseNode`): `apiVersion: v1`, the kind,
 * `metadata.name` and, when given, `metadata.namespace`. A missing name is an error (kustomize
 * words it `a configmap must have a name` for Secrets too).
 */
export function makeBaseObject(
  kind: string,
  name: string | undefined,
  namespace?: string,
): YamlMap {
  if (!name) {
    throw new KustomizeError('InvalidGenerator', 'a configmap must have a name', {
      data: { kind },
    });
  }
  const metadata: YamlMap = { name };
  if (namespace) metadata.namespace = namespace;
  return { apiVersion: 'v1', kind, metadata };
}

/** Adds the option labels and annotations (sorted, as strings) to `metadata`. */
export function copyLabelsAndAnnotations(
  object: YamlMap,
  options: GeneratorOptions | undefined,
): void {
  const metadata = object.metadata as YamlMap;
  for (const field of ['labels', 'annotations'] as const) {
    const source = options?.[field];
    if (!source) continue;
    for (const key of sortedKeys(Object.keys(source))) {
      let map = metadata[field];
      if (!isYamlMap(map)) {
        map = {};
        metadata[field] = map;
      }
      map[key] = String(source[key]);
    }
  }
}

/** Sets `immutable: true` when the options ask for it. */
export function setImmutable(object: YamlMap, options: GeneratorOptions | undefined): void {
  if (options?.immutable) object.immutable = true;
}
