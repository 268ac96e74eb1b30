import { isYamlMap, type Gvk, type YamlMap, type YamlValue } from '@kustomate/resource';
import { BUILTIN_DEFINITIONS_JSON } from '../data/generated/builtin-definitions.js';
import { BUILTIN_NAMESPACE_SCOPE } from '../data/generated/namespace-scope.js';
import {
  createSchemaFromOpenApi,
  type NavigableSchemaInfo,
  type SchemaCursor,
} from './custom-schema.js';
import { builtinSchema, gvkTableKey, type ListMergeInfo, type SchemaInfo } from './schema-info.js';

/** A custom OpenAPI document a kustomization's `openapi: {path}` names. */
export interface CustomSchemaSource {
  /** The parsed swagger document. */
  doc: YamlValue;
  /** Its path, for error messages. */
  file: string;
}

/** What {@link GlobalSchema.set} receives from one kustomization's `openapi` field. */
export type OpenApiChoice =
  | { kind: 'none' }
  | { kind: 'version'; version: string }
  | { kind: 'custom'; source: CustomSchemaSource };

type Layer = 'builtin' | CustomSchemaSource;

let builtinDocument: YamlValue | undefined;
let builtinNavigable: NavigableSchemaInfo | undefined;

/** The built-in definitions as a swagger document, parsed on first use. */
export function builtinOpenApiDocument(): YamlValue {
  builtinDocument ??= JSON.parse(BUILTIN_DEFINITIONS_JSON) as YamlValue;
  return builtinDocument;
}

/**
 * The built-in schema with field existence: below a field the built-in schema does not know, a
 * map with its own `apiVersion`/`kind` brings that kind's schema (as in kyaml), which the
 * path-keyed {@link builtinSchema} tables cannot tell. Built on the first strategic merge.
 */
function builtinNavigableSchema(): NavigableSchemaInfo {
  if (builtinNavigable === undefined) {
    const schema = createSchemaFromOpenApi(builtinOpenApiDocument(), 'builtin schema');
    builtinNavigable = {
      isClusterScoped: (gvk) => builtinSchema.isClusterScoped(gvk),
      hasType: (gvk) => builtinSchema.hasType(gvk),
      listMerge: (gvk, path) => builtinSchema.listMerge(gvk, path),
      schemaForType: (gvk) => schema.schemaForType(gvk),
    };
  }
  return builtinNavigable;
}

/**
 * kustomize's ONE global OpenAPI schema of a build (kyaml `openapi` package globals), with its
 * lazy loading reproduced because the output depends on it:
 *
 * - `SetSchema` only records which schema to parse next (the built-in one, or a custom
 *   document) and marks the schema as not initialised; the root kustomization resets the
 *   choice, a nested one only chooses when nothing was chosen yet;
 * - the first lookup after that (`initSchema`: a strategic merge asking for a kind's schema,
 *   or a scope check of a kind outside the precomputed table, e.g. any custom resource being
 *   added next to another) parses the chosen schema and ADDS its definitions, kinds and paths
 *   to what was parsed before. So a component or base that sets `openapi.path` after the
 *   built-in schema was parsed gets its custom definitions layered over the built-in ones
 *   (`$ref`s into `io.k8s.api.*` keep resolving, built-in kinds keep their merge keys), while
 *   one that sets it before anything was parsed gets the custom schema alone.
 *
 * The kustomization API schema kyaml parses alongside (Kustomization kinds only) is not
 * modelled.
 */
export class GlobalSchema implements NavigableSchemaInfo {
  /** kyaml `kubernetesOpenAPIVersion != ""`. */
  private versionSet = false;
  /** kyaml `customSchema`. */
  private custom: CustomSchemaSource | undefined;
  /** kyaml `globalSchema.schemaInit`. */
  private initialized = false;
  private readonly layers: Layer[] = [];
  private parsed: SchemaInfo = builtinSchema;
  /** `undefined`: the built-in one, built on first use. */
  private navigable: NavigableSchemaInfo | undefined;

  /**
   * kyaml `openapi.SetSchema`: records a kustomization's choice. `reset` is true for the
   * root kustomization only. Validation (version known, not both path and version) is the
   * caller's.
   */
  set(choice: OpenApiChoice, reset: boolean): void {
    const schemaIsSet = this.versionSet || this.custom !== undefined;
    if (schemaIsSet && !reset) return;
    if (choice.kind === 'custom') {
      // kyaml only parses the document at the next lookup (and panics on a bad one); checking
      // it now reports a malformed file even when nothing looks the schema up.
      createSchemaFromOpenApi(choice.source.doc, choice.source.file);
      this.custom = choice.source;
      this.versionSet = true;
      this.initialized = false;
      return;
    }
    const version = choice.kind === 'version' ? choice.version : '';
    this.versionSet = version !== '';
    if (!this.versionSet) return;
    this.custom = undefined;
    this.initialized = false;
  }

  /** Whether a kustomization already chose the schema (a nested choice is then ignored). */
  get chosen(): boolean {
    return this.versionSet || this.custom !== undefined;
  }

  /** Whether kustomize would have parsed the built-in schema by now. */
  get builtinParsed(): boolean {
    return this.layers.includes('builtin');
  }

  isClusterScoped(gvk: Gvk): boolean {
    const precomputed = BUILTIN_NAMESPACE_SCOPE[gvkTableKey(gvk)];
    if (precomputed !== undefined) return !precomputed;
    return this.schema().isClusterScoped(gvk);
  }

  hasType(gvk: Gvk): boolean {
    return this.schema().hasType(gvk);
  }

  listMerge(gvk: Gvk, path: string): ListMergeInfo {
    return this.schema().listMerge(gvk, path);
  }

  schemaForType(gvk: Gvk): SchemaCursor | undefined {
    this.schema();
    return (this.navigable ?? builtinNavigableSchema()).schemaForType(gvk);
  }

  /** kyaml `initSchema`, then the schema parsed so far. */
  private schema(): SchemaInfo {
    if (!this.initialized) {
      this.initialized = true;
      this.layers.push(this.custom ?? 'builtin');
      this.rebuild();
    }
    return this.parsed;
  }

  private rebuild(): void {
    const customs = this.layers.filter((l): l is CustomSchemaSource => l !== 'builtin');
    const last = customs[customs.length - 1];
    if (last === undefined) {
      this.parsed = builtinSchema;
      this.navigable = undefined;
      return;
    }
    // Layers in parse order; later definitions win (kyaml `AddDefinitions`).
    const docs = this.layers.map((l) => (l === 'builtin' ? builtinOpenApiDocument() : l.doc));
    const doc = docs[docs.length - 1] as YamlValue;
    const base = docs.length > 1 ? mergeDocuments(docs.slice(0, -1)) : undefined;
    const schema = createSchemaFromOpenApi(doc, last.file, base === undefined ? {} : { base });
    this.parsed = schema;
    this.navigable = schema;
  }
}

/** Documents merged the way successive kyaml `parse` calls accumulate them. */
function mergeDocuments(docs: YamlValue[]): YamlValue {
  if (docs.length === 1) return docs[0] as YamlValue;
  const definitions: YamlMap = {};
  const paths: YamlMap = {};
  for (const doc of docs) {
    if (!isYamlMap(doc)) continue;
    if (isYamlMap(doc.definitions)) Object.assign(definitions, doc.definitions);
    if (isYamlMap(doc.paths)) Object.assign(paths, doc.paths);
  }
  return { definitions, paths };
}
