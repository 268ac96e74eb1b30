import type { KResource } from '../resource/k-resource.js';
import type { KustomizationLoader } from '../target/loader.js';
import { loadConfigMapData } from './data-map.js';
import {
  mergeGeneratorOptions,
  type ConfigMapArgs,
  type GeneratorOptions,
} from './generator-args.js';
import { configuredInPath, makeGeneratedResource } from './generated-resource.js';
import { makeDataMap } from './load-kv-pairs.js';
import { copyLabelsAndAnnotations, makeBaseObject, setImmutable } from './make-base-object.js';

/**
 * Runs one `configMapGenerator` entry (kustomize `ConfigMapGenerator` builtin): a `v1
 * ConfigMap` whose `data` holds the UTF-8 values and `binaryData` the others (base64), with
 * the option labels/annotations and `immutable`. The result carries `needsHashSuffix` (unless
 * `disableNameSuffixHash`), the generator `behavior` and a `ConfigMapGenerator` origin.
 *
 * @param args - the generator entry
 * @param loader - reads `envs` and `files` relative to the kustomization
 * @param globalOptions - the kustomization's `generatorOptions`
 * @param configuredIn - the kustomization file relative to the build root (default derived
 *   from `loader.displayRoot`)
 * @throws KustomizeError `InvalidGenerator` (no name, bad source, repeated key), or the
 *   loader's `MissingFile` / `LoadRestriction`, prefixed like kustomize's messages
 *
 * @example
 * ```ts
 * const res = generateConfigMap({ name: 'cm', literals: ['k1=v1'] }, loader);
 * res.object; // { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k1: 'v1' } }
 * ```
 */
export function generateConfigMap(
  args: ConfigMapArgs,
  loader: KustomizationLoader,
  globalOptions?: GeneratorOptions,
  configuredIn?: string,
): KResource {
  const options = mergeGeneratorOptions(globalOptions, args.options);
  const object = makeBaseObject('ConfigMap', args.name, args.namespace);
  loadConfigMapData(object, makeDataMap(args.name as string, args, loader));
  copyLabelsAndAnnotations(object, options);
  setImmutable(object, options);
  return makeGeneratedResource(
    object,
    'ConfigMapGenerator',
    args.behavior,
    options,
    configuredInPath(loader, configuredIn),
  );
}
