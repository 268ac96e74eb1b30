import type { FieldSpec, NameBackReference } from '../data/field-spec-types.js';
import { DEFAULT_FIELD_SPECS } from '../data/generated/field-specs.js';
import { wrapError } from '../filters/go-res-id.js';
import { mergeFieldSpecs, mergeNameBackReferences, sortByGvk } from './field-spec-list.js';

/**
 * Where the builtin transformers act (kustomize `builtinconfig.TransformerConfig`): one field
 * spec list per transformer, plus the name back-references.
 */
export interface TransformerConfig {
  namePrefix: FieldSpec[];
  nameSuffix: FieldSpec[];
  namespace: FieldSpec[];
  commonLabels: FieldSpec[];
  /** Extra fields for every `labels:` entry (empty by default). */
  labels: FieldSpec[];
  templateLabels: FieldSpec[];
  commonAnnotations: FieldSpec[];
  nameReference: NameBackReference[];
  varReference: FieldSpec[];
  images: FieldSpec[];
  replicas: FieldSpec[];
}

/** The field-spec lists of a {@link TransformerConfig}, in kustomize's merge order. */
export const FIELD_SPEC_LISTS = [
  ['namePrefix', 'NamePrefix'],
  ['nameSuffix', 'NameSuffix'],
  ['namespace', 'NameSpace'],
  ['commonAnnotations', 'CommonAnnotations'],
  ['commonLabels', 'CommonLabels'],
  ['labels', 'Labels'],
  ['templateLabels', 'TemplateLabels'],
  ['varReference', 'VarReference'],
  ['images', 'Images'],
  ['replicas', 'Replicas'],
] as const satisfies ReadonlyArray<readonly [keyof TransformerConfig, string]>;

/** A config with every list empty (kustomize `MakeEmptyConfig`; an accumulator starts so). */
export function emptyTransformerConfig(): TransformerConfig {
  return {
    namePrefix: [],
    nameSuffix: [],
    namespace: [],
    commonLabels: [],
    labels: [],
    templateLabels: [],
    commonAnnotations: [],
    nameReference: [],
    varReference: [],
    images: [],
    replicas: [],
  };
}

/** Sorts every list by GVK (kustomize `sortFields`; referrers inside back-references stay as they are). */
export function sortTransformerConfig(c: TransformerConfig): TransformerConfig {
  const out = { ...c };
  for (const [key] of FIELD_SPEC_LISTS) out[key] = sortByGvk(c[key]);
  out.nameReference = sortByGvk(c.nameReference);
  return out;
}

/**
 * kustomize v5.5's built-in config (`MakeDefaultConfig`): `DEFAULT_FIELD_SPECS`, each list
 * sorted by GVK, not de-duplicated (that happens when it is merged into an accumulator).
 */
export function defaultTransformerConfig(): TransformerConfig {
  defaults ??= buildDefaults();
  return copyConfig(defaults);
}

let defaults: TransformerConfig | undefined;

function copySpecs(l: readonly FieldSpec[]): FieldSpec[] {
  return l.map((f) => ({ ...f }));
}

function copyConfig(c: TransformerConfig): TransformerConfig {
  const out = emptyTransformerConfig();
  for (const [key] of FIELD_SPEC_LISTS) out[key] = copySpecs(c[key]);
  out.nameReference = c.nameReference.map((n) => ({ ...n, referrers: copySpecs(n.referrers) }));
  return out;
}

function buildDefaults(): TransformerConfig {
  const d = DEFAULT_FIELD_SPECS;
  return sortTransformerConfig({
    namePrefix: copySpecs(d.namePrefix),
    nameSuffix: copySpecs(d.nameSuffix),
    namespace: copySpecs(d.namespace),
    commonLabels: copySpecs(d.commonLabels),
    labels: [],
    templateLabels: copySpecs(d.templateLabels),
    commonAnnotations: copySpecs(d.commonAnnotations),
    nameReference: d.nameReference.map((n) => ({ ...n, referrers: copySpecs(n.referrers) })),
    varReference: copySpecs(d.varReference),
    images: copySpecs(d.images),
    replicas: copySpecs(d.replicas),
  });
}

/**
 * kustomize `TransformerConfig.Merge`: each list of `b` merged into `a`'s with `FsSlice`
 * semantics (a spec whose GVK selects an earlier one with the same path is dropped; differing
 * `create` flags → `TransformerConfig` error "failed to merge X fieldSpec: conflicting
 * fieldspecs"), back-references merged by GVK, then every list sorted. Merging is order-
 * dependent, which is observable: a `configurations:` file with `namePrefix: [{kind: Foo,
 * path: metadata/name}]` replaces the default `{path: metadata/name}` once the merged config
 * is merged again into an accumulator [verified: only Foo gets the prefix].
 */
export function mergeTransformerConfig(
  a: TransformerConfig,
  b: TransformerConfig,
): TransformerConfig {
  const out = emptyTransformerConfig();
  for (const [key, goName] of FIELD_SPEC_LISTS) {
    try {
      out[key] = mergeFieldSpecs(a[key], b[key]);
    } catch (e) {
      throw wrapError(e, `failed to merge ${goName} fieldSpec`, 'TransformerConfig');
    }
    if (key === 'varReference') {
      try {
        out.nameReference = mergeNameBackReferences(a.nameReference, b.nameReference);
      } catch (e) {
        throw wrapError(e, 'failed to merge NameReference fieldSpec', 'TransformerConfig');
      }
    }
  }
  return sortTransformerConfig(out);
}

/**
 * kustomize `MakeTransformerConfig(ldr, configurations)`: the defaults when there are no
 * files, else the defaults merged with the files' configs (merged in order into an empty one).
 *
 * How the build composes configs (kusttarget.go `accumulateTarget`): every accumulator starts
 * from {@link emptyTransformerConfig}; resources are accumulated first, merging each
 * sub-kustomization's final config in; then `merge(acc, makeTransformerConfig(files))`, then
 * `merge(acc, transformerConfigFromCrds(...))`. The transformers of that kustomization use the
 * result, which also propagates up to the parent.
 */
export function makeTransformerConfig(files: readonly TransformerConfig[]): TransformerConfig {
  const defaults = defaultTransformerConfig();
  if (files.length === 0) return defaults;
  let fromFiles = emptyTransformerConfig();
  for (const f of files) fromFiles = mergeTransformerConfig(fromFiles, f);
  return mergeTransformerConfig(defaults, fromFiles);
}
