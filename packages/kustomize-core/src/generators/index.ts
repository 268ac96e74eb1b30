/**
 * ConfigMap and Secret generators: kustomization argument types, object generation, the
 * name hash, absorption into a resource map (create/merge/replace) and the hash transformer.
 */
export {
  mergeGeneratorOptions,
  type ConfigMapArgs,
  type GeneratorArgs,
  type GeneratorOptions,
  type KvPairSources,
  type SecretArgs,
} from './generator-args.js';
export { generateConfigMap } from './generate-config-map.js';
export { generateSecret, DEFAULT_SECRET_TYPE } from './generate-secret.js';
export { computeNameHash, NAME_HASH_LENGTH } from './name-hash.js';
export { absorbGenerated } from './absorb-generated.js';
export { applyNameHashes } from './apply-name-hashes.js';
export { parseLiteralSource } from './literal-source.js';
export { parseFileSource, type FileSource } from './file-source.js';
export { parseEnvFile } from './env-file.js';
export { loadKvPairs } from './load-kv-pairs.js';
export type { KvPair } from './kv-pair.js';
export { encodeBase64Lines, BASE64_LINE_LENGTH } from './base64.js';
