import { isYamlMap, type Gvk, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import { wrapError } from '../filters/go-res-id.js';
import { mergeFieldSpec, mergeNameBackReferences } from './field-spec-list.js';
import {
  emptyTransformerConfig,
  mergeTransformerConfig,
  type TransformerConfig,
} from './transformer-config.js';

const X_ANNOTATION = 'x-kubernetes-annotation';
const X_LABEL_SELECTOR = 'x-kubernetes-label-selector';
const X_IDENTITY = 'x-kubernetes-identity';
const X_VERSION = 'x-kubernetes-object-ref-api-version';
const X_KIND = 'x-kubernetes-object-ref-kind';
const X_NAME_KEY = 'x-kubernetes-object-ref-name-key';

/** A field of a Go struct decoded by encoding/json (names match case-insensitively, last wins). */
function goField(map: YamlMap, name: string): YamlValue | undefined {
  let found: YamlValue | undefined;
  for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === name.toLowerCase()) found = v;
  return found;
}

/** `spec.Schema` properties of a definition (`{Schema: {properties: {...}}}`). */
function properties(definition: YamlValue | undefined): Array<[string, YamlMap]> {
  if (!isYamlMap(definition)) return [];
  const schema = goField(definition, 'Schema');
  if (!isYamlMap(schema)) return [];
  const props = schema.properties;
  if (!isYamlMap(props)) return [];
  return Object.entries(props).map(([k, v]) => [k, isYamlMap(v) ? v : {}]);
}

/** A string vendor extension (`Extensions.GetString`: keys compared lower-cased, value must be a string). */
function extension(prop: YamlMap, key: string): string | undefined {
  let found: string | undefined;
  for (const [k, v] of Object.entries(prop)) {
    if (k.toLowerCase() === key) found = typeof v === 'string' ? v : undefined;
  }
  return found;
}

function fieldSpec(gvk: Gvk, path: readonly string[]): FieldSpec {
  return {
    group: gvk.group,
    version: gvk.version,
    kind: gvk.kind,
    path: path.join('/'),
    create: false,
  };
}

function load(
  config: TransformerConfig,
  gvk: Gvk,
  defs: YamlMap,
  typeName: string,
  path: string[],
  depth: number,
): void {
  if (!Object.hasOwn(defs, typeName)) return;
  if (depth > 64)
    throw new KustomizeError('TransformerConfig', `crds: $ref cycle through '${typeName}'`);
  for (const [prop, schema] of properties(defs[typeName])) {
    const here = [...path, prop];
    if (extension(schema, X_ANNOTATION) !== undefined) {
      config.commonAnnotations = mergeFieldSpec(config.commonAnnotations, fieldSpec(gvk, here));
    }
    if (extension(schema, X_LABEL_SELECTOR) !== undefined) {
      config.commonLabels = mergeFieldSpec(config.commonLabels, fieldSpec(gvk, here));
    }
    if (extension(schema, X_IDENTITY) !== undefined) {
      config.namePrefix = mergeFieldSpec(config.namePrefix, fieldSpec(gvk, here));
    }
    const version = extension(schema, X_VERSION);
    const kind = extension(schema, X_KIND);
    if (version !== undefined && kind !== undefined) {
      const nameKey = extension(schema, X_NAME_KEY) ?? 'name';
      config.nameReference = mergeNameBackReferences(config.nameReference, [
        { group: '', version, kind, referrers: [fieldSpec(gvk, [...here, nameKey])] },
      ]);
    }
    const ref = schema.$ref;
    if (typeof ref === 'string' && ref !== '') load(config, gvk, defs, ref, here, depth + 1);
  }
}

/**
 * The transformer config a `crds:` file adds (kustomize `LoadConfigFromCRDs`). The file is an
 * OpenAPI definition map `{<type name>: {Schema, Dependencies}}` (JSON, or YAML read as YAML
 * 1.1; only the first document counts), NOT CRD manifests. For every definition that looks like
 * a Kubernetes type (properties `kind`, `apiVersion`, `metadata`), kind = the last `.`-part of
 * its name, its properties (following `$ref`s to other definitions of the file) add:
 * `x-kubernetes-annotation` → commonAnnotations, `x-kubernetes-label-selector` → commonLabels,
 * `x-kubernetes-identity` → namePrefix, `x-kubernetes-object-ref-api-version` +
 * `x-kubernetes-object-ref-kind` (+ `-name-key`, default `name`) → a name reference.
 *
 * kustomize's config for a kustomization's `crds:` list is
 * `files.reduce((acc, f) => mergeTransformerConfig(acc, transformerConfigFromCrds(f.docs, f.path)), emptyTransformerConfig())`.
 */
export function transformerConfigFromCrds(
  docs: readonly YamlValue[],
  file: string,
): TransformerConfig {
  const defs = docs[0] ?? null;
  let result = emptyTransformerConfig();
  if (defs === null) return result;
  if (!isYamlMap(defs)) {
    throw new KustomizeError(
      'TransformerConfig',
      `unable to parse open API definition from '${file}'`,
      {
        location: { file },
      },
    );
  }
  try {
    for (const name of Object.keys(defs)) {
      const props = new Set(properties(defs[name]).map(([k]) => k));
      if (!props.has('kind') || !props.has('apiVersion') || !props.has('metadata')) continue;
      const parts = name.split('.');
      const tc = emptyTransformerConfig();
      load(
        tc,
        { group: '', version: '', kind: parts[parts.length - 1] as string },
        defs,
        name,
        [],
        0,
      );
      result = mergeTransformerConfig(result, tc);
    }
  } catch (e) {
    throw wrapError(e, `crds '${file}'`, 'TransformerConfig');
  }
  return result;
}
