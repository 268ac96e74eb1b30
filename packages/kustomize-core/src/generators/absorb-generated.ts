import { cloneYaml, isYamlMap, type YamlMap } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import type { ResId } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';
import { goJsonMarshal, yamlToGoJson } from './go-json.js';
import { resIdString } from './go-format.js';
import { copyMergeMetadataFrom, mergeDataMapsFrom } from './merge-metadata.js';

/**
 * Adds generated resources to a resource map the way kustomize absorbs generator output
 * (`ResMap.AbsorbAll` → `appendReplaceOrMerge`), in order. For each resource, the map's
 * resources any of whose ids (current or previous; effective namespaces; exact GVK) equal its
 * current id are looked up:
 *
 * - none: `merge`/`replace` is an error; otherwise the resource is appended;
 * - one: `merge` → labels, annotations, `data` and `binaryData` become `old ∪ new` (new wins),
 *   name, namespace and previous ids come from the old resource, and the old origin is kept;
 *   `replace` → the new body with the merged metadata; anything else is an error. The result
 *   takes the old resource's place;
 * - several: an error.
 *
 * The generated resources are modified in place.
 *
 * @throws KustomizeError `GeneratorBehavior` with kustomize's message (kustomize prefixes it
 *   with `merging from generator &{<pointer> <nil>}: `)
 *
 * @example
 * ```ts
 * absorbGenerated(resmap, [generateConfigMap({ name: 'cfg', behavior: 'merge', literals: ['b=3'] }, loader)]);
 * ```
 */
export function absorbGenerated(resmap: ResMap, generated: readonly KResource[]): void {
  for (const res of generated) absorbOne(resmap, res);
}

function absorbOne(resmap: ResMap, res: KResource): void {
  const id = res.curId();
  const matches = resmap.getByAnyId(id);
  if (matches.length === 0) {
    if (res.behavior === 'merge' || res.behavior === 'replace') {
      fail(resmap, `id ${resIdString(id)} does not exist; cannot merge or replace`, id);
    }
    resmap.append(res);
    return;
  }
  if (matches.length > 1) {
    const objects = matches.map((r) => resourceJson(r)).join(' ');
    fail(
      resmap,
      `found multiple objects [${objects}] that could accept merge of ${resIdString(id)}`,
      id,
    );
  }
  const old = matches[0] as KResource;
  const index = resmap.indexOf(old);
  if (res.behavior === 'replace') {
    copyMergeMetadataFrom(res, old);
    res.origin = res.origin ?? old.origin;
  } else if (res.behavior === 'merge') {
    const origin = old.origin ?? res.origin;
    copyMergeMetadataFrom(res, old);
    mergeDataMapsFrom(res, old);
    res.origin = origin;
  } else {
    fail(resmap, `id ${resIdString(id)} exists; behavior must be merge or replace`, id);
  }
  replaceAt(resmap, res, index);
}

/** kustomize `ResMap.Replace`: the unique resource with `res`'s current id is replaced. */
function replaceAt(resmap: ResMap, res: KResource, expectedIndex: number): void {
  const id = res.curId();
  const key = resmap.idKey(id);
  const hits = resmap.resources
    .map((r, i) => (resmap.idKey(r.curId()) === key ? i : -1))
    .filter((i) => i >= 0);
  if (hits.length > 1) fail(resmap, `in Replace: id matched ${hits.length} resources`, id);
  const i = hits[0];
  if (i === undefined)
    fail(resmap, `cannot find resource with id ${resIdString(id)} to replace`, id);
  if (i !== expectedIndex) fail(resmap, 'unexpected target index in replacement', id);
  resmap.replace(resmap.resources[i] as KResource, res);
}

function fail(resmap: ResMap, message: string, id: ResId): never {
  throw new KustomizeError('GeneratorBehavior', message, {
    location: { object: resIdString(id) },
    data: { id, effectiveNamespace: resmap.effectiveNamespace(id) },
  });
}

/**
 * A resource as kustomize prints it in the "multiple objects" error (`Resource.String()`:
 * JSON with the internal build annotations it would carry). Best effort: kustomize's own
 * text depends on annotations this model keeps as fields.
 */
function resourceJson(res: KResource): string {
  const object = cloneYaml(res.object);
  const internal: Record<string, string> = {};
  const prefix = 'internal.config.kubernetes.io/';
  if (res.origin?.configuredBy) internal[`${prefix}generatorBehavior`] = res.behavior;
  if (res.needsHashSuffix) internal[`${prefix}needsHashSuffix`] = 'enabled';
  if (res.namePrefixes.length > 0) internal[`${prefix}prefixes`] = res.namePrefixes.join(',');
  if (res.nameSuffixes.length > 0) internal[`${prefix}suffixes`] = res.nameSuffixes.join(',');
  if (res.previousNames.length > 0) {
    internal[`${prefix}previousKinds`] = res.previousNames.map((p) => p.kind).join(',');
    internal[`${prefix}previousNames`] = res.previousNames.map((p) => p.name).join(',');
    internal[`${prefix}previousNamespaces`] = res.previousNames.map((p) => p.namespace).join(',');
  }
  if (Object.keys(internal).length > 0) {
    if (!isYamlMap(object.metadata)) object.metadata = {};
    const md = object.metadata as YamlMap;
    md.annotations = { ...(isYamlMap(md.annotations) ? md.annotations : {}), ...internal };
  }
  return goJsonMarshal(yamlToGoJson(object));
}
