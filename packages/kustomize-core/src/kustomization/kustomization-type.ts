import { go, type GoType } from './go-json-decode.js';

const fieldSpec = go.struct('FieldSpec', {
  group: go.string,
  version: go.string,
  kind: go.string,
  path: go.string,
  create: go.bool,
});

const selector = go.struct('Selector', {
  group: go.string,
  version: go.string,
  kind: go.string,
  name: go.string,
  namespace: go.string,
  annotationSelector: go.string,
  labelSelector: go.string,
});

const generatorOptions = go.struct('GeneratorOptions', {
  labels: go.map(go.string),
  annotations: go.map(go.string),
  disableNameSuffixHash: go.bool,
  immutable: go.bool,
});

const generatorArgs = {
  namespace: go.string,
  name: go.string,
  behavior: go.string,
  literals: go.list(go.string),
  files: go.list(go.string),
  envs: go.list(go.string),
  env: go.string,
  options: generatorOptions,
};

const patch = go.struct('Patch', {
  path: go.string,
  patch: go.string,
  target: selector,
  options: go.map(go.bool),
});

const target = go.struct('Target', {
  group: go.string,
  version: go.string,
  kind: go.string,
  name: go.string,
  namespace: go.string,
  apiVersion: go.string,
});

/** The Go type of kustomize's `types.Kustomization`, for strict decoding. */
export const KUSTOMIZATION_GO_TYPE: GoType = go.struct('Kustomization', {
  apiVersion: go.string,
  kind: go.string,
  metadata: go.struct('ObjectMeta', {
    name: go.string,
    namespace: go.string,
    labels: go.map(go.string),
    annotations: go.map(go.string),
  }),
  openapi: go.map(go.string),
  namePrefix: go.string,
  nameSuffix: go.string,
  namespace: go.string,
  commonLabels: go.map(go.string),
  labels: go.list(
    go.struct('Label', {
      pairs: go.map(go.string),
      includeSelectors: go.bool,
      includeTemplates: go.bool,
      fields: go.list(fieldSpec),
    }),
  ),
  commonAnnotations: go.map(go.string),
  patchesStrategicMerge: go.list(go.string),
  patchesJson6902: go.list(patch),
  patches: go.list(patch),
  images: go.list(
    go.struct('Image', {
      name: go.string,
      newName: go.string,
      newTag: go.string,
      digest: go.string,
      tagSuffix: go.string,
    }),
  ),
  imageTags: go.list(
    go.struct('Image', {
      name: go.string,
      newName: go.string,
      newTag: go.string,
      digest: go.string,
      tagSuffix: go.string,
    }),
  ),
  replacements: go.list(go.any),
  replicas: go.list(go.struct('Replica', { name: go.string, count: go.int })),
  vars: go.list(
    go.struct('Var', {
      name: go.string,
      objref: target,
      fieldref: go.struct('FieldSelector', { fieldpath: go.string }),
    }),
  ),
  sortOptions: go.struct('SortOptions', {
    order: go.string,
    legacySortOptions: go.struct('LegacySortOptions', {
      orderFirst: go.list(go.string),
      orderLast: go.list(go.string),
    }),
  }),
  resources: go.list(go.string),
  components: go.list(go.string),
  crds: go.list(go.string),
  bases: go.list(go.string),
  configMapGenerator: go.list(go.struct('ConfigMapArgs', generatorArgs)),
  secretGenerator: go.list(go.struct('SecretArgs', { ...generatorArgs, type: go.string })),
  helmGlobals: go.any,
  helmCharts: go.list(go.any),
  helmChartInflationGenerator: go.list(go.any),
  generatorOptions,
  configurations: go.list(go.string),
  generators: go.list(go.string),
  transformers: go.list(go.string),
  validators: go.list(go.string),
  buildMetadata: go.list(go.string),
});
