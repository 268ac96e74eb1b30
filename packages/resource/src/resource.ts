import type { YamlMap } from './yaml-value.js';

/** Who configured a generated or transformed object (a kustomize builtin or plugin). */
export interface ConfiguredBy {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

/**
 * Where an object came from, as kustomize's `config.kubernetes.io/origin` records it:
 * the file it was read from (relative to the build root), a remote repository and ref,
 * or the kustomization and builtin that generated it.
 */
export interface ResourceOrigin {
  path?: string;
  repo?: string;
  ref?: string;
  configuredIn?: string;
  configuredBy?: ConfiguredBy;
}

/** A Kubernetes object with its provenance travelling beside it. */
export interface Resource {
  object: YamlMap;
  origin?: ResourceOrigin;
}
