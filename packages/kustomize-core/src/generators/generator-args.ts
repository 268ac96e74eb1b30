/**
 * The `configMapGenerator` / `secretGenerator` / `generatorOptions` shapes of a
 * kustomization (`api/types/generatorargs.go`, `kvpairsources.go`, `configmapargs.go`,
 * `secretargs.go`, `generatoroptions.go` at kustomize v5.5.0).
 */

/** `generatorOptions`, globally or per generator. */
export interface GeneratorOptions {
  /** Labels added to the generated object. */
  labels?: Record<string, string>;
  /** Annotations added to the generated object. */
  annotations?: Record<string, string>;
  /** No `-<hash>` suffix on the generated name. */
  disableNameSuffixHash?: boolean;
  /** Sets `immutable: true` on the generated object. */
  immutable?: boolean;
}

/** Where key/value pairs come from, loaded in the order envs, literals, files. */
export interface KvPairSources {
  /** `key=value` pairs; one pair of matching outer quotes is removed from the value. */
  literals?: string[];
  /** `path` (key = basename) or `key=path`; the value is the file content. */
  files?: string[];
  /** Env files: one `KEY=value` per line. */
  envs?: string[];
  /** Deprecated single env file, appended to {@link envs}. */
  env?: string;
}

/** Fields shared by ConfigMap and Secret generators. */
export interface GeneratorArgs extends KvPairSources {
  /** Base name of the generated object (required). */
  name?: string;
  /** `metadata.namespace` of the generated object. */
  namespace?: string;
  /** `create` (default), `merge` or `replace`; other values count as unspecified. */
  behavior?: string;
  /** Local options; merged with the kustomization's `generatorOptions`. */
  options?: GeneratorOptions;
}

/** One `configMapGenerator` entry. */
export type ConfigMapArgs = GeneratorArgs;

/** One `secretGenerator` entry. */
export interface SecretArgs extends GeneratorArgs {
  /** Secret `type`; `Opaque` when empty. */
  type?: string;
}

/**
 * Merges the kustomization-wide options into a generator's own (kustomize
 * `MergeGlobalOptionsIntoLocal`): local labels/annotations win over global ones with the same
 * key, and a `true` boolean on either side wins. Neither argument is modified.
 *
 * @example
 * ```ts
 * mergeGeneratorOptions({ labels: { a: 'g', b: 'g' }, immutable: true }, { labels: { a: 'l' } });
 * // → { labels: { a: 'l', b: 'g' }, immutable: true }
 * ```
 */
export function mergeGeneratorOptions(
  global: GeneratorOptions | undefined,
  local: GeneratorOptions | undefined,
): GeneratorOptions | undefined {
  if (global === undefined) return local === undefined ? undefined : copyOptions(local);
  const out = copyOptions(local ?? {});
  out.labels = overrideMap(out.labels, global.labels);
  out.annotations = overrideMap(out.annotations, global.annotations);
  if (out.labels === undefined) delete out.labels;
  if (out.annotations === undefined) delete out.annotations;
  if (global.disableNameSuffixHash) out.disableNameSuffixHash = true;
  if (global.immutable) out.immutable = true;
  return out;
}

function copyOptions(o: GeneratorOptions): GeneratorOptions {
  const out: GeneratorOptions = { ...o };
  if (o.labels) out.labels = { ...o.labels };
  if (o.annotations) out.annotations = { ...o.annotations };
  return out;
}

function overrideMap(
  local: Record<string, string> | undefined,
  global: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (local === undefined) return global === undefined ? undefined : { ...global };
  for (const [k, v] of Object.entries(global ?? {})) {
    if (!Object.hasOwn(local, k)) local[k] = v;
  }
  return local;
}
