import {
  isYamlMap,
  parseApiVersion,
  type Gvk,
  type YamlMap,
  type YamlValue,
} from '@kustomate/resource';
import { BUILTIN_NAMESPACE_SCOPE } from '../data/generated/namespace-scope.js';
import { KustomizeError } from '../errors.js';
import { gvkTableKey, type ListMergeInfo, type SchemaInfo } from './schema-info.js';

/**
 * A position in an OpenAPI schema, as kyaml's `openapi.ResourceSchema` navigates it during a
 * strategic merge: a field's schema, a list's element schema, a list's merge behaviour.
 */
export interface SchemaCursor {
  /** `properties[name]`, else the `additionalProperties` schema; `$ref`s followed. */
  field(name: string): SchemaCursor | undefined;
  /** The `items` schema when `type` is exactly `array`; `$ref`s followed. */
  elements(): SchemaCursor | undefined;
  /** How a strategic merge treats this schema as a list. */
  listMerge(): ListMergeInfo;
}

/** A {@link SchemaInfo} that can also hand out a {@link SchemaCursor} per kind. */
export interface NavigableSchemaInfo extends SchemaInfo {
  /** The schema of a kind, or `undefined` when the schema does not define it. */
  schemaForType(gvk: Gvk): SchemaCursor | undefined;
}

/** Whether `schema` offers {@link NavigableSchemaInfo.schemaForType}. */
export function isNavigableSchema(schema: SchemaInfo): schema is NavigableSchemaInfo {
  return typeof (schema as Partial<NavigableSchemaInfo>).schemaForType === 'function';
}

/** Options of {@link createSchemaFromOpenApi}. */
export interface OpenApiSchemaOptions {
  /**
   * A schema document already in force, which the custom one is ADDED to instead of
   * replacing it. kyaml keeps one global schema and parses it lazily: when the built-in
   * schema was parsed before a nested kustomization or component set `openapi.path` (e.g.
   * because a kind outside kustomize's precomputed scope table was loaded first), the custom
   * definitions, kinds and paths are layered over the built-in ones. Pass the built-in
   * swagger document here to reproduce that; definitions and kinds of `doc` win.
   */
  base?: YamlValue;
}

const NOT_ASSOCIATIVE: ListMergeInfo = { associative: false };
const MAX_REF_HOPS = 64;
const GVK_EXTENSION = 'x-kubernetes-group-version-kind';

/**
 * The schema of a kustomization's `openapi: {path: FILE}`: a swagger (OpenAPI v2) document,
 * JSON or YAML, already parsed. Like kustomize v5.5 (kyaml `openapi.SetSchema` with a custom
 * schema) it REPLACES the built-in Kubernetes schema for strategic merges:
 *
 * - resource kinds are the `definitions` carrying `x-kubernetes-group-version-kind`; kinds it
 *   does not define have no schema, so their patched lists are replaced wholesale;
 * - list merge behaviour comes from `x-kubernetes-patch-strategy` (containing `merge`),
 *   `x-kubernetes-list-map-keys`, else `x-kubernetes-patch-merge-key`, reached through
 *   `properties`, `additionalProperties`, `items` and `#/definitions/...` `$ref`s;
 * - cluster scope: kustomize's precomputed table of built-in kinds first, then the document's
 *   `paths` (a GET path with `x-kubernetes-group-version-kind` and no `namespaces/{namespace}`
 *   segment marks the kind cluster-scoped); anything else is namespaced.
 *
 * @param doc the parsed document.
 * @param file the file name, for error messages.
 * @param options `base`: a schema the custom one is layered on (see {@link OpenApiSchemaOptions}).
 * @throws KustomizeError `InvalidSchema` when the document or its `definitions`/`paths` is
 * not a mapping, or a GVK extension is malformed.
 *
 * @example
 * ```ts
 * const schema = createSchemaFromOpenApi(parseYaml(text), 'mycrd_schema.json');
 * applyStrategicMerge(resource, patch, { schema });
 * ```
 */
export function createSchemaFromOpenApi(
  doc: YamlValue,
  file: string,
  options: OpenApiSchemaOptions = {},
): NavigableSchemaInfo {
  const layers = options.base === undefined ? [doc] : [options.base, doc];
  const definitions: YamlMap = {};
  const types = new Map<string, YamlMap>();
  const scope = new Map<string, boolean>();
  for (const layer of layers) {
    if (!isYamlMap(layer)) throw invalid(file, 'the document is not a mapping');
    const layerDefinitions = optionalMap(layer.definitions, file, 'definitions');
    for (const name of Object.keys(layerDefinitions)) {
      const definition = layerDefinitions[name] as YamlValue;
      definitions[name] = definition;
      if (!isYamlMap(definition)) continue;
      for (const gvk of readGvks(definition[GVK_EXTENSION], file, name)) {
        types.set(gvkTableKey(gvk), definition);
      }
    }
    readNamespaceability(optionalMap(layer.paths, file, 'paths'), file, scope);
  }
  // The schema never changes once built: resolved refs and cursors are memoised.
  const resolved = new Map<string, YamlMap | undefined>();
  const resolve = (ref: string): YamlMap | undefined => {
    if (resolved.has(ref)) return resolved.get(ref);
    const definition = resolveRef(definitions, ref);
    resolved.set(ref, definition);
    return definition;
  };
  const cursors = new WeakMap<YamlMap, OpenApiCursor>();
  const cursorOf = (schema: YamlMap): OpenApiCursor => {
    let cursor = cursors.get(schema);
    if (cursor === undefined) {
      cursor = new OpenApiCursor(schema, resolve, cursorOf);
      cursors.set(schema, cursor);
    }
    return cursor;
  };

  const schemaForType = (gvk: Gvk): SchemaCursor | undefined => {
    const definition = types.get(gvkTableKey(gvk));
    return definition === undefined ? undefined : cursorOf(definition);
  };
  return {
    schemaForType,
    hasType: (gvk) => types.has(gvkTableKey(gvk)),
    isClusterScoped(gvk) {
      const key = gvkTableKey(gvk);
      const namespaced = BUILTIN_NAMESPACE_SCOPE[key] ?? scope.get(key);
      return namespaced === false;
    },
    listMerge(gvk, path) {
      let cursor = schemaForType(gvk);
      for (const segment of path === '' ? [] : path.split('.')) {
        const isList = segment.endsWith('[]');
        cursor = cursor?.field(isList ? segment.slice(0, -2) : segment);
        if (isList) cursor = cursor?.elements();
      }
      return cursor?.listMerge() ?? NOT_ASSOCIATIVE;
    },
  };
}

class OpenApiCursor implements SchemaCursor {
  private fields: Map<string, SchemaCursor | undefined> | undefined;
  private merge: ListMergeInfo | undefined;

  constructor(
    private readonly schema: YamlMap,
    private readonly resolve: (ref: string) => YamlMap | undefined,
    private readonly cursorOf: (schema: YamlMap) => OpenApiCursor,
  ) {}

  field(name: string): SchemaCursor | undefined {
    this.fields ??= new Map();
    if (this.fields.has(name)) return this.fields.get(name);
    const properties = this.schema.properties;
    let next: YamlValue | undefined;
    if (isYamlMap(properties) && Object.hasOwn(properties, name)) next = properties[name];
    else if (isYamlMap(this.schema.additionalProperties)) next = this.schema.additionalProperties;
    const cursor = this.follow(next);
    this.fields.set(name, cursor);
    return cursor;
  }

  elements(): SchemaCursor | undefined {
    const type = this.schema.type;
    const isArray =
      type === 'array' || (Array.isArray(type) && type.length === 1 && type[0] === 'array');
    return isArray ? this.follow(this.schema.items) : undefined;
  }

  listMerge(): ListMergeInfo {
    this.merge ??= this.readListMerge();
    return this.merge;
  }

  private readListMerge(): ListMergeInfo {
    const strategy = this.schema['x-kubernetes-patch-strategy'];
    if (typeof strategy !== 'string' || !strategy.split(',').includes('merge'))
      return NOT_ASSOCIATIVE;
    const mapKeys = this.schema['x-kubernetes-list-map-keys'];
    const mergeKey = this.schema['x-kubernetes-patch-merge-key'];
    let keys: string[] = [];
    if (Array.isArray(mapKeys)) keys = mapKeys.map((k) => String(k));
    else if (typeof mergeKey === 'string') keys = [mergeKey];
    return keys.length === 0
      ? { associative: true, primitive: true }
      : { associative: true, primitive: false, keys };
  }

  private follow(value: YamlValue | undefined): SchemaCursor | undefined {
    let schema = value;
    for (
      let hops = 0;
      isYamlMap(schema) && typeof schema.$ref === 'string' && schema.$ref !== '';
      hops++
    ) {
      if (hops >= MAX_REF_HOPS) return undefined;
      schema = this.resolve(schema.$ref);
    }
    return isYamlMap(schema) ? this.cursorOf(schema) : undefined;
  }
}

function resolveRef(definitions: YamlMap, ref: string): YamlMap | undefined {
  const prefix = '#/definitions/';
  if (!ref.startsWith(prefix)) return undefined;
  const tail = ref.slice(prefix.length);
  if (tail.includes('/')) return undefined;
  const name = tail.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
  const definition = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
  return isYamlMap(definition) ? definition : undefined;
}

function readGvks(extension: YamlValue | undefined, file: string, where: string): Gvk[] {
  if (extension === undefined || !Array.isArray(extension)) return [];
  return extension.flatMap((entry) => {
    const gvk = readGvk(entry, file, where);
    return gvk ? [gvk] : [];
  });
}

function readGvk(entry: YamlValue | undefined, file: string, where: string): Gvk | undefined {
  if (!isYamlMap(entry)) return undefined;
  const { group, version, kind } = entry;
  if (typeof version !== 'string' || typeof kind !== 'string') {
    throw invalid(file, `${where}: ${GVK_EXTENSION} needs string "version" and "kind" fields`);
  }
  const apiVersion = typeof group === 'string' && group !== '' ? `${group}/${version}` : version;
  return { ...parseApiVersion(apiVersion), kind };
}

function readNamespaceability(paths: YamlMap, file: string, scope: Map<string, boolean>): void {
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    const get = isYamlMap(item) ? item.get : undefined;
    if (!isYamlMap(get)) continue;
    const gvk = readGvk(get[GVK_EXTENSION], file, `paths["${path}"]`);
    if (gvk === undefined) continue;
    const key = gvkTableKey(gvk);
    if (path.includes('namespaces/{namespace}')) scope.set(key, true);
    else if (!scope.has(key)) scope.set(key, false);
  }
}

function optionalMap(value: YamlValue | undefined, file: string, field: string): YamlMap {
  if (value === undefined || value === null) return {};
  if (!isYamlMap(value)) throw invalid(file, `"${field}" is not a mapping`);
  return value;
}

function invalid(file: string, detail: string): KustomizeError {
  return new KustomizeError('InvalidSchema', `invalid OpenAPI schema file ${file}: ${detail}`, {
    location: { file },
  });
}
