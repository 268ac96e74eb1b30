import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { encodeBase64Lines } from './base64.js';
import { compareUtf8 } from './go-json.js';
import { encodeUtf8 } from './utf8.js';

/** Keys in Go `sort.Strings` order. */
export function sortedKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(compareUtf8);
}

/**
 * Writes generated pairs into a ConfigMap (kyaml `LoadMapIntoConfigMapData`): UTF-8 text into
 * `data`, anything else base64-encoded into `binaryData`. Neither map is created when it
 * would stay empty.
 */
export function loadConfigMapData(object: YamlMap, pairs: Map<string, string | Uint8Array>): void {
  for (const key of sortedKeys(pairs.keys())) {
    const value = pairs.get(key) as string | Uint8Array;
    const field = typeof value === 'string' ? 'data' : 'binaryData';
    const map = mapField(object, field);
    map[key] = typeof value === 'string' ? value : encodeBase64Lines(value);
  }
}

/**
 * Writes generated pairs into a Secret (kyaml `LoadMapIntoSecretData`): `data` is always
 * created, every value base64-encoded.
 */
export function loadSecretData(object: YamlMap, pairs: Map<string, string | Uint8Array>): void {
  const map = mapField(object, 'data');
  for (const key of sortedKeys(pairs.keys())) {
    const value = pairs.get(key) as string | Uint8Array;
    map[key] = encodeBase64Lines(typeof value === 'string' ? encodeUtf8(value) : value);
  }
}

/** kyaml `GetValue` of a map entry: scalar text, `''` for null and for maps or lists. */
export function valueText(value: YamlValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return '';
  return String(value);
}

/** kyaml `GetDataMap` / `GetBinaryDataMap`: the field as a string map (`{}` when not a map). */
export function getStringMap(object: YamlMap, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  const m = object[field];
  if (!isYamlMap(m)) return out;
  for (const [k, v] of Object.entries(m)) out[k] = valueText(v);
  return out;
}

/**
 * kyaml `SetDataMap` / `SetBinaryDataMap`: the field is removed, then rebuilt from `m` (as
 * strings, sorted) unless `m` is empty.
 */
export function setStringMap(object: YamlMap, field: string, m: Record<string, string>): void {
  delete object[field];
  const keys = sortedKeys(Object.keys(m));
  if (keys.length === 0) return;
  const out: YamlMap = {};
  for (const k of keys) out[k] = m[k] as string;
  object[field] = out;
}

function mapField(object: YamlMap, field: string): YamlMap {
  const existing = object[field];
  if (isYamlMap(existing)) return existing;
  const created: YamlMap = {};
  object[field] = created;
  return created;
}
