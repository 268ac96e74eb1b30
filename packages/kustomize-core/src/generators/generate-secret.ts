import type { KResource } from '../resource/k-resource.js';
import type { KustomizationLoader } from '../target/loader.js';
import { loadSecretData } from './data-map.js';
import { mergeGeneratorOptions, type GeneratorOptions, type SecretArgs } from './generator-args.js';
import { configuredInPath, makeGeneratedResource } from './generated-resource.js';
import { makeDataMap } from './load-kv-pairs.js';
import { copyLabelsAndAnnotations, makeBaseObject, setImmutable } from './make-base-object.js';

/** Secret `type` when the generator names none. */
export const DEFAULT_SECRET_TYPE = 'Opaque';

/**
 * Runs one `secretGenerator` entry (kustomize `SecretGenerator` builtin): a `v1 Secret` with
 * `type` (default `Opaque`) and `data` (always present) holding every value base64-encoded,
 * cut into 70-character lines when long. Options, bookkeeping and errors as for
 * {@link generateConfigMap}; the origin names `SecretGenerator`.
 *
 * @example
 * ```ts
 * generateSecret({ name: 's', literals: ['password=s3cr3t'] }, loader).object;
 * // { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque', data: { password: 'czNjcjN0' } }
 * ```
 */
export function generateSecret(
  args: SecretArgs,
  loader: KustomizationLoader,
  globalOptions?: GeneratorOptions,
  configuredIn?: string,
): KResource {
  const options = mergeGeneratorOptions(globalOptions, args.options);
  const object = makeBaseObject('Secret', args.name, args.namespace);
  object.type = args.type || DEFAULT_SECRET_TYPE;
  loadSecretData(object, makeDataMap(args.name as string, args, loader));
  copyLabelsAndAnnotations(object, options);
  setImmutable(object, options);
  return makeGeneratedResource(
    object,
    'SecretGenerator',
    args.behavior,
    options,
    configuredInPath(loader, configuredIn),
  );
}
