import { isYamlMap, type YamlValue } from '@kustomate/resource';

/**
 * Go `encoding/json` for the name hasher. The encoder itself is the YAML layer's
 * (`yaml/go-json.ts`); this module adds the value model the hasher feeds it: what Go holds
 * after `json.Unmarshal`, where every number is a `float64`.
 */
export { compareUtf8, goJsonMarshal, goJsonString } from '../yaml/go-json.js';

/** A JSON value as Go's `encoding/json` sees it (numbers are float64). */
export type GoJsonValue = null | boolean | number | string | GoJsonValue[] | GoJsonObject;

/** A JSON object as Go's `encoding/json` sees it. */
export interface GoJsonObject {
  [key: string]: GoJsonValue;
}

/**
 * A YAML value as Go holds it after `yaml.Unmarshal` → `json.Marshal` → `json.Unmarshal`:
 * every number a `float64` (so `bigint`s lose precision).
 *
 * @example
 * ```ts
 * yamlToGoJson({ n: 12345678901234567890n }); // { n: 12345678901234567000 }
 * ```
 */
export function yamlToGoJson(value: YamlValue): GoJsonValue {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(yamlToGoJson);
  if (isYamlMap(value)) {
    const out: GoJsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = yamlToGoJson(v);
    return out;
  }
  return value;
}
