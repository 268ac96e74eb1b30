import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { goJsonMarshal, yamlToGoJson, type GoJsonObject, type GoJsonValue } from './go-json.js';
import { encodeYamlNodeJson } from './yaml-node-json.js';
import { encodeUtf8 } from './utf8.js';
import { valueText } from './data-map.js';

/** Length of the name suffix (constants.json `nameHash.suffixLength`). */
export const NAME_HASH_LENGTH = 10;

/** Hex digits replaced to avoid vowels and digit-only words (constants.json `nameHash.substitutions`). */
const SUBSTITUTIONS: Readonly<Record<string, string>> = { 0: 'g', 1: 'h', 3: 'k', a: 'm', e: 't' };

/**
 * The content hash kustomize appends to generated names (`api/hasher/hasher.go`): sha256 of a
 * Go-JSON encoding, the first 10 hex digits with `0→g 1→h 3→k a→m e→t`.
 *
 * - ConfigMap: `{binaryData?, data, kind: "ConfigMap", name}`;
 * - Secret: `{data, kind: "Secret", name, stringData?, type}`;
 *
 * where `data`/`binaryData`/`stringData` are the maps (`""` when absent; the optional ones
 * only when they are maps) and `name` is always `""` (kustomize looks up a top-level key
 * literally named `metadata/name`). So the name, labels and annotations never influence the
 * hash. Other kinds hash a Go-JSON rendering of the whole object as a yaml.v3 node tree.
 *
 * @example
 * ```ts
 * computeNameHash({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { k1: 'v1' } });
 * // → '8f7tbf6t6m'
 * ```
 */
export function computeNameHash(object: YamlMap): string {
  let encoded: string;
  switch (valueText(object.kind)) {
    case 'ConfigMap':
      encoded = encodeConfigMap(object);
      break;
    case 'Secret':
      encoded = encodeSecret(object);
      break;
    default:
      encoded = encodeYamlNodeJson(object);
  }
  const hex = bytesToHex(sha256(encodeUtf8(encoded))).slice(0, NAME_HASH_LENGTH);
  return hex.replace(/[013ae]/g, (c) => SUBSTITUTIONS[c] ?? c);
}

function encodeConfigMap(object: YamlMap): string {
  const m: GoJsonObject = {
    kind: 'ConfigMap',
    name: nodeValue(object, 'metadata/name'),
    data: nodeValue(object, 'data'),
  };
  if (isMapLike(object.binaryData)) m.binaryData = nodeValue(object, 'binaryData');
  return goJsonMarshal(m);
}

function encodeSecret(object: YamlMap): string {
  const m: GoJsonObject = {
    kind: 'Secret',
    type: nodeValue(object, 'type'),
    name: nodeValue(object, 'metadata/name'),
    data: nodeValue(object, 'data'),
  };
  if (isMapLike(object.stringData)) m.stringData = nodeValue(object, 'stringData');
  return goJsonMarshal(m);
}

/** `map[string]interface{}` type assertion in the hasher: maps, and lists (which decode to a nil map). */
function isMapLike(value: YamlValue | undefined): boolean {
  return isYamlMap(value) || Array.isArray(value);
}

/**
 * The hasher's `getNodeValues` for one top-level key: missing or null → `""`; a map →
 * its JSON re-decoding; a list → `null` (it fails to decode into a map); a scalar → its text.
 */
function nodeValue(object: YamlMap, key: string): GoJsonValue {
  const v = Object.hasOwn(object, key) ? object[key] : undefined;
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return null;
  if (isYamlMap(v)) return yamlToGoJson(v);
  return valueText(v);
}
