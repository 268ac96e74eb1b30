import type { YamlMap } from '@kustomate/resource';
import { go, type GoType } from '../kustomization/go-json-decode.js';

const fieldSpec = go.struct('FieldSpec', {
  group: go.string,
  version: go.string,
  kind: go.string,
  path: go.string,
  create: go.bool,
});
const fieldSpecs = go.list(fieldSpec);
const selector = go.struct('Selector', {
  group: go.string,
  version: go.string,
  kind: go.string,
  name: go.string,
  namespace: go.string,
  annotationSelector: go.string,
  labelSelector: go.string,
});
const objectMeta = go.struct('ObjectMeta', {
  name: go.string,
  namespace: go.string,
  labels: go.map(go.string),
  annotations: go.map(go.string),
});
const generatorOptions = go.struct('GeneratorOptions', {
  labels: go.map(go.string),
  annotations: go.map(go.string),
  disableNameSuffixHash: go.bool,
  immutable: go.bool,
});
const generatorArgs = {
  metadata: objectMeta,
  namespace: go.string,
  name: go.string,
  behavior: go.string,
  literals: go.list(go.string),
  files: go.list(go.string),
  envs: go.list(go.string),
  env: go.string,
  options: generatorOptions,
};

/**
 * The Go config structs of kustomize's builtin plugins (`plugin/builtin/*`), keyed by kind,
 * for decoding a `generators:`/`transformers:` config object with `sigs.k8s.io/yaml` semantics
 * (case-insensitive field names, unknown fields ignored).
 */
export const BUILTIN_PLUGIN_CONFIGS: Record<
  string,
  { role: 'generator' | 'transformer'; type: GoType }
> = {
  AnnotationsTransformer: {
    role: 'transformer',
    type: go.struct('AnnotationsTransformerPlugin', { annotations: go.map(go.string), fieldSpecs }),
  },
  LabelTransformer: {
    role: 'transformer',
    type: go.struct('LabelTransformerPlugin', { labels: go.map(go.string), fieldSpecs }),
  },
  NamespaceTransformer: {
    role: 'transformer',
    type: go.struct('NamespaceTransformerPlugin', {
      metadata: objectMeta,
      fieldSpecs,
      unsetOnly: go.bool,
      setRoleBindingSubjects: go.string,
    }),
  },
  PrefixSuffixTransformer: {
    role: 'transformer',
    type: go.struct('PrefixSuffixTransformerPlugin', {
      prefix: go.string,
      suffix: go.string,
      fieldSpecs,
    }),
  },
  PrefixTransformer: {
    role: 'transformer',
    type: go.struct('PrefixTransformerPlugin', { prefix: go.string, fieldSpecs }),
  },
  SuffixTransformer: {
    role: 'transformer',
    type: go.struct('SuffixTransformerPlugin', { suffix: go.string, fieldSpecs }),
  },
  ImageTagTransformer: {
    role: 'transformer',
    type: go.struct('ImageTagTransformerPlugin', {
      imageTag: go.struct('Image', {
        name: go.string,
        newName: go.string,
        newTag: go.string,
        digest: go.string,
        tagSuffix: go.string,
      }),
      fieldSpecs,
    }),
  },
  ReplicaCountTransformer: {
    role: 'transformer',
    type: go.struct('ReplicaCountTransformerPlugin', {
      replica: go.struct('Replica', { name: go.string, count: go.int }),
      fieldSpecs,
    }),
  },
  PatchTransformer: {
    role: 'transformer',
    type: go.struct('PatchTransformerPlugin', {
      path: go.string,
      patch: go.string,
      target: selector,
      options: go.map(go.bool),
    }),
  },
  PatchStrategicMergeTransformer: {
    role: 'transformer',
    type: go.struct('PatchStrategicMergeTransformerPlugin', {
      paths: go.list(go.string),
      patches: go.string,
    }),
  },
  PatchJson6902Transformer: {
    role: 'transformer',
    type: go.struct('PatchJson6902TransformerPlugin', {
      target: selector,
      path: go.string,
      jsonOp: go.string,
    }),
  },
  ReplacementTransformer: {
    role: 'transformer',
    type: go.struct('ReplacementTransformerPlugin', { replacements: go.list(go.any) }),
  },
  ValueAddTransformer: {
    role: 'transformer',
    type: go.struct('ValueAddTransformerPlugin', {
      value: go.string,
      targets: go.list(
        go.struct('Target', { selector, filePathPosition: go.int, fieldPath: go.string }),
      ),
    }),
  },
  HashTransformer: { role: 'transformer', type: go.struct('HashTransformerPlugin', {}) },
  ConfigMapGenerator: {
    role: 'generator',
    type: go.struct('ConfigMapGeneratorPlugin', generatorArgs),
  },
  SecretGenerator: {
    role: 'generator',
    type: go.struct('SecretGeneratorPlugin', { ...generatorArgs, type: go.string }),
  },
  IAMPolicyGenerator: {
    role: 'generator',
    type: go.struct('IAMPolicyGeneratorPlugin', {
      metadata: objectMeta,
      cloud: go.string,
      kubernetesService: go.struct('KubernetesService', { namespace: go.string, name: go.string }),
      serviceAccount: go.struct('ServiceAccount', { name: go.string, projectId: go.string }),
    }),
  },
  HelmChartInflationGenerator: {
    role: 'generator',
    type: go.struct('HelmChartInflationGeneratorPlugin', {}),
  },
};

/** A decoded builtin plugin config (fields as in the Go struct, zero values omitted). */
export type PluginConfig = YamlMap & Record<string, unknown>;
