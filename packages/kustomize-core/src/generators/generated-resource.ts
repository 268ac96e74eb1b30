import { joinPath } from '@kustomate/vfs';
import type { YamlMap } from '@kustomate/resource';
import { KResource, type GenerationBehavior } from '../resource/k-resource.js';
import type { KustomizationLoader } from '../target/loader.js';
import type { GeneratorOptions } from './generator-args.js';

const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** kustomize `NewGenerationBehavior`: `create`, `merge`, `replace`, anything else unspecified. */
export function parseBehavior(behavior: string | undefined): GenerationBehavior {
  return behavior === 'create' || behavior === 'merge' || behavior === 'replace'
    ? behavior
    : 'unspecified';
}

/**
 * The kustomization file's path relative to the build root, for `origin.configuredIn`:
 * `explicit` when given, else the loader's `displayRoot` (a kustomization file path, or a
 * directory to which `kustomization.yaml` is appended).
 */
export function configuredInPath(loader: KustomizationLoader, explicit?: string): string {
  if (explicit !== undefined) return explicit;
  const root = loader.displayRoot;
  const base = root.slice(root.lastIndexOf('/') + 1);
  if (KUSTOMIZATION_FILE_NAMES.includes(base)) return root;
  return joinPath(root === '' ? '.' : root, 'kustomization.yaml');
}

/** Wraps a generated object with the bookkeeping kustomize's resource factory adds (`makeOne`). */
export function makeGeneratedResource(
  object: YamlMap,
  generatorKind: 'ConfigMapGenerator' | 'SecretGenerator',
  behavior: string | undefined,
  options: GeneratorOptions | undefined,
  configuredIn: string,
): KResource {
  const res = new KResource(object, {
    configuredIn,
    configuredBy: { apiVersion: 'builtin', kind: generatorKind },
  });
  res.needsHashSuffix = options?.disableNameSuffixHash !== true;
  res.behavior = parseBehavior(behavior);
  return res;
}
