import { isYamlMap, type YamlValue } from '@kustomate/resource';
import type { SchemaCursor } from '../schema/custom-schema.js';
import { walkAssociativeSequence } from './smp-associative.js';
import {
  assertKind,
  compareGoStrings,
  fieldOf,
  isMissingOrNull,
  isNilOrEmpty,
  kindOf,
  scalarText,
  wrongKind,
} from './smp-node.js';
import { visitList, visitMap, visitScalar, type Sources } from './smp-visitor.js';
import { setOwn } from './set-own.js';

/** Looks up the schema of a resource kind (kyaml `openapi.SchemaForResourceType`). */
export type ResourceSchemaLookup = (apiVersion: string, kind: string) => SchemaCursor | undefined;

/**
 * kyaml `walk.Walker.Walk` with the merge2 visitor: merges `sources[1]` (patch) into
 * `sources[0]` (target) and returns the merged value (`undefined` = remove it). Where no
 * schema is known yet, a map with `apiVersion` and `kind` (target first) brings its own.
 */
export function walkMerge(
  lookup: ResourceSchemaLookup,
  sources: Sources,
  schema: SchemaCursor | undefined,
): YamlValue | undefined {
  const effective = schema ?? schemaFromMeta(lookup, sources);
  const first = sources.find((s) => !isMissingOrNull(s));
  if (isMissingOrNull(first)) return walkMap(lookup, sources, effective);
  const kind = kindOf(first);
  for (const source of sources) assertKind(source, kind);
  switch (kind) {
    case 'MappingNode':
      return walkMap(lookup, sources, effective);
    case 'SequenceNode':
      if (effective?.listMerge().associative) {
        return walkAssociativeSequence(sources, effective, (s, sch) => walkMerge(lookup, s, sch));
      }
      return visitList(sources, false);
    default:
      return visitScalar(sources);
  }
}

function walkMap(
  lookup: ResourceSchemaLookup,
  sources: Sources,
  schema: SchemaCursor | undefined,
): YamlValue | undefined {
  const dest = visitMap(sources);
  sources[0] = dest;
  if (dest === undefined) return undefined;
  for (const key of fieldNames(sources)) {
    const fieldSources: Sources = [fieldOf(sources[0], key), fieldOf(sources[1], key)];
    // kustomize keeps a target's explicit `null` that the patch does not mention (an empty
    // `key:` would be dropped, but the data model cannot tell the two apart).
    if (fieldSources[0] === null && fieldSources[1] === undefined) continue;
    const value = walkMerge(lookup, fieldSources, schema?.field(key));
    if (!isYamlMap(dest)) throw wrongKind('MappingNode', dest);
    if (isMissingOrNull(value)) delete dest[key];
    else setOwn(dest, key, value);
  }
  return dest;
}

function fieldNames(sources: Sources): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    if (isYamlMap(source)) for (const key of Object.keys(source)) names.add(key);
  }
  return [...names].sort(compareGoStrings);
}

function schemaFromMeta(lookup: ResourceSchemaLookup, sources: Sources): SchemaCursor | undefined {
  for (const source of sources) {
    if (isMissingOrNull(source)) continue;
    const apiVersion = metaText(source, 'apiVersion');
    const kind = metaText(source, 'kind');
    if (apiVersion === '' || kind === '') continue;
    const schema = lookup(apiVersion, kind);
    if (schema) return schema;
  }
  return undefined;
}

function metaText(node: YamlValue, field: string): string {
  const value = fieldOf(node, field);
  return isNilOrEmpty(value) ? '' : scalarText(value);
}
