/**
 * The YAML layer of the kustomize build: reading resources (yaml.v3 semantics) and
 * kustomization files (yaml.v2 / YAML 1.1), and printing resources byte for byte as
 * `kubectl kustomize` does (Go JSON + yaml.v2 emitter).
 *
 * @module
 */
export { parseResourceYaml } from './parse-resource-yaml.js';
export { parseYaml11 } from './parse-yaml11.js';
export { emitYaml, emitResources } from './emit-yaml.js';
export { compareYamlV2Keys } from './key-order.js';
export { goJsonMarshal, compareUtf8 } from './go-json.js';
export { formatYamlNumber } from './format-number.js';
export { splitYamlDocuments, type DocumentChunk } from './split-documents.js';
export { parseYamlTimestamp, type YamlTimestamp } from './timestamp.js';
export { resolveScalar, isPlainSafeV2, type ResolvedScalar, type YamlDialect } from './resolve.js';
