import type { YamlValue } from '@kustomate/resource';

/** A field spec as written in a kustomization (`labels[].fields`, configurations). */
export interface FieldSpecArg {
  group?: string;
  version?: string;
  kind?: string;
  path?: string;
  create?: boolean;
}

/** kustomize's `types.Selector` (patch targets): regexps for ids, label/annotation selectors. */
export interface SelectorArg {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** Options shared by generators. */
export interface GeneratorOptionsArg {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

/** A `configMapGenerator` / `secretGenerator` entry. */
export interface GeneratorArg {
  namespace?: string;
  name?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptionsArg;
  type?: string;
}

/** A `patches` / `patchesJson6902` entry. */
export interface PatchArg {
  path?: string;
  patch?: string;
  target?: SelectorArg;
  options?: Record<string, boolean>;
}

/** An `images` entry. */
export interface ImageArg {
  name?: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

/** A `labels` entry. */
export interface LabelArg {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: FieldSpecArg[];
}

/** A `vars` entry. */
export interface VarArg {
  name?: string;
  objref?: {
    group?: string;
    version?: string;
    kind?: string;
    name?: string;
    namespace?: string;
    apiVersion?: string;
  };
  fieldref?: { fieldpath?: string };
}

/** `sortOptions`. */
export interface SortOptionsArg {
  order?: string;
  legacySortOptions?: { orderFirst?: string[]; orderLast?: string[] };
}

/**
 * A decoded kustomization file (kustomize `types.Kustomization`) after `FixKustomization`:
 * `bases` appended to `resources`, `imageTags` to `images`, generator `env` to `envs`.
 */
export interface Kustomization {
  apiVersion: string;
  kind: 'Kustomization' | 'Component';
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  openapi?: Record<string, string>;
  namePrefix?: string;
  nameSuffix?: string;
  namespace?: string;
  commonLabels?: Record<string, string>;
  labels?: LabelArg[];
  commonAnnotations?: Record<string, string>;
  patchesStrategicMerge?: string[];
  patchesJson6902?: PatchArg[];
  patches?: PatchArg[];
  images?: ImageArg[];
  replacements?: YamlValue[];
  replicas?: { name?: string; count?: number }[];
  vars?: VarArg[];
  sortOptions?: SortOptionsArg;
  resources?: string[];
  components?: string[];
  crds?: string[];
  configMapGenerator?: GeneratorArg[];
  secretGenerator?: GeneratorArg[];
  helmGlobals?: YamlValue;
  helmCharts?: YamlValue[];
  generatorOptions?: GeneratorOptionsArg;
  configurations?: string[];
  generators?: string[];
  transformers?: string[];
  validators?: string[];
  buildMetadata?: string[];
}
