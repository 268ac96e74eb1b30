import { KustomizeError } from '../errors.js';
import type { KustomizationLoader } from '../target/loader.js';
import { parseEnvFile } from './env-file.js';
import { parseFileSource } from './file-source.js';
import type { KvPairSources } from './generator-args.js';
import { goStringSlice } from './go-format.js';
import { wrapError, type KvPair } from './kv-pair.js';
import { parseLiteralSource } from './literal-source.js';
import { decodeUtf8Strict } from './utf8.js';

/** The env files of `sources`: `envs`, then the deprecated singular `env`. */
export function envSources(sources: KvPairSources): string[] {
  const envs = [...(sources.envs ?? [])];
  if (sources.env) envs.push(sources.env);
  return envs;
}

/**
 * Loads every pair of `sources` in kustomize's order (`kv.loader.Load`): env files, then
 * literals, then files. Errors are prefixed like kustomize's (`env source files: [..]: `,
 * `literal sources [..]: `, `file sources: [..]: `).
 */
export function loadKvPairs(sources: KvPairSources, loader: KustomizationLoader): KvPair[] {
  const envs = envSources(sources);
  const literals = sources.literals ?? [];
  const files = sources.files ?? [];
  const all: KvPair[] = [];
  try {
    for (const path of envs) all.push(...parseEnvFile(loader.readFile(path)));
  } catch (e) {
    throw wrapError(e, `env source files: ${goStringSlice(envs)}`);
  }
  try {
    for (const literal of literals) all.push(parseLiteralSource(literal));
  } catch (e) {
    throw wrapError(e, `literal sources ${goStringSlice(literals)}`);
  }
  try {
    for (const source of files) {
      const { key, path } = parseFileSource(source);
      const bytes = loader.readFile(path);
      all.push({ key, value: decodeUtf8Strict(bytes) ?? bytes });
    }
  } catch (e) {
    throw wrapError(e, `file sources: ${goStringSlice(files)}`);
  }
  return all;
}

/**
 * The data of a generated object (kustomize `makeValidatedDataMap`): all pairs, keyed; a
 * repeated key is an error naming the generator (kustomize says `configmap` for Secrets too).
 */
export function makeDataMap(
  name: string,
  sources: KvPairSources,
  loader: KustomizationLoader,
): Map<string, string | Uint8Array> {
  let pairs: KvPair[];
  try {
    pairs = loadKvPairs(sources, loader);
  } catch (e) {
    throw wrapError(e, 'loading KV pairs');
  }
  const data = new Map<string, string | Uint8Array>();
  for (const { key, value } of pairs) {
    if (data.has(key)) {
      throw new KustomizeError(
        'InvalidGenerator',
        `configmap ${name} illegally repeats the key \`${key}\``,
        { data: { name, key } },
      );
    }
    data.set(key, value);
  }
  return data;
}
