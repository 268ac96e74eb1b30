import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { JsonPatchStepError } from './json6902-document.js';
import { setOwn } from './set-own.js';

/**
 * A deep copy of `value` as it comes back from Go's `encoding/json` into
 * `interface{}`: every number a float64 (`bigint`s become JS numbers and lose precision
 * beyond 2^53, as kustomize's JSON 6902 round trip does).
 *
 * @throws JsonPatchStepError for infinities and NaN, which JSON cannot carry.
 */
export function toJsonData(value: YamlValue): YamlValue {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      const text = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
      throw new JsonPatchStepError(`json: unsupported value: ${text}`);
    }
    return value;
  }
  if (Array.isArray(value)) return value.map(toJsonData);
  if (isYamlMap(value)) {
    const out: YamlMap = {};
    for (const key of Object.keys(value)) setOwn(out, key, toJsonData(value[key] as YamlValue));
    return out;
  }
  return value;
}
