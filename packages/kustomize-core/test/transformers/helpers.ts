import type { YamlMap } from '@kustomate/resource';
import { parseAllDocuments } from 'yaml';
import { KResource } from '../../src/resource/k-resource.js';
import { ResMap } from '../../src/resource/res-map.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import type { FieldSpec } from '../../src/data/field-spec-types.js';
import {
  applyAnnotations,
  applyImages,
  applyLabels,
  applyNamespace,
  applyPrefix,
  applyReplicas,
  applySuffix,
  defaultTransformerConfig,
  emptyTransformerConfig,
  makeTransformerConfig,
  mergeTransformerConfig,
  parseTransformerConfig,
  labelsEntryFieldSpecs,
  type ImageSpec,
  type LabelsEntry,
  type ReplicaSpec,
  type TransformerConfig,
} from '../../src/transformers/index.js';

/**
 * Test data is written as YAML text and read into plain objects (YAML 1.2 core schema, which
 * is what the inputs and the oracle's outputs below need); comparisons are on objects.
 */
export function objectsFromYaml(text: string): YamlMap[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as YamlMap | null)
    .filter((o): o is YamlMap => o !== null);
}

/** A resource map holding the documents of `text`, in order. */
export function resMapFromYaml(text: string): ResMap {
  const m = new ResMap(builtinSchema);
  for (const o of objectsFromYaml(text)) m.append(new KResource(o));
  return m;
}

/** The objects of a resource map, in order. */
export function objectsOf(m: ResMap): YamlMap[] {
  return m.resources.map((r) => r.object);
}

/** The kustomization fields the builtin transformers read. */
export interface KustomizationFields {
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  labels?: LabelsEntry[];
  commonLabels?: Record<string, string>;
  commonAnnotations?: Record<string, string>;
  replicas?: ReplicaSpec[];
  images?: ImageSpec[];
}

/** Runs one kustomization's builtin transformers in kustomize's order (no patches). */
export function runTransformers(
  m: ResMap,
  k: KustomizationFields,
  config: TransformerConfig = defaultTransformerConfig(),
): void {
  if (k.namespace) applyNamespace(m, k.namespace, config.namespace);
  if (k.namePrefix) applyPrefix(m, k.namePrefix, config.namePrefix);
  if (k.nameSuffix) applySuffix(m, k.nameSuffix, config.nameSuffix);
  for (const entry of k.labels ?? [])
    applyLabels(m, entry.pairs, labelsEntryFieldSpecs(entry, config));
  applyLabels(m, k.commonLabels ?? {}, config.commonLabels);
  applyAnnotations(m, k.commonAnnotations ?? {}, config.commonAnnotations);
  applyReplicas(m, k.replicas ?? [], config.replicas);
  applyImages(m, k.images ?? [], config.images);
}

/** Shorthand for a field spec. */
export function fs(path: string, gvk: Partial<FieldSpec> = {}): FieldSpec {
  return { group: '', version: '', kind: '', create: false, ...gvk, path };
}

function sortKey(o: YamlMap): string {
  const md = (o.metadata ?? {}) as YamlMap;
  return `${String(o.apiVersion)}|${String(o.kind)}|${String(md.namespace ?? '')}|${String(md.name ?? '')}`;
}

/**
 * The objects of `m` and of the oracle's output `want` (YAML text), both ordered by id, so a
 * test can compare them regardless of kustomize's output sort.
 */
export function sortedForCompare(m: ResMap, want: string): { got: YamlMap[]; want: YamlMap[] } {
  const by = (a: YamlMap, b: YamlMap): number =>
    sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0;
  return { got: [...objectsOf(m)].sort(by), want: objectsFromYaml(want).sort(by) };
}

/**
 * The transformer config of a kustomization with these `configurations:` files (YAML text) and
 * no sub-kustomizations: the accumulator's empty config merged with `makeTransformerConfig`.
 */
export function configFromFiles(files: readonly string[]): TransformerConfig {
  const parsed = files.map((text, i) =>
    parseTransformerConfig(objectsFromYaml(text)[0] ?? null, `config-${i}.yaml`),
  );
  return mergeTransformerConfig(emptyTransformerConfig(), makeTransformerConfig(parsed));
}
