/**
 * The slice of Go's `encoding/json` (Go 1.22+) that the name hasher needs: HTML-safe string
 * escaping, map keys sorted bytewise (UTF-8), and `float64` number text. Private to the
 * generators; the output encoder lives in `src/yaml/`.
 */

import { isYamlMap, type YamlValue } from '@kustomate/resource';

/** A value as Go's `json.Marshal` sees an `interface{}` decoded from JSON. */
export type GoJsonValue = null | boolean | number | string | GoJsonValue[] | GoJsonObject;

/** A JSON object (Go `map[string]interface{}`). */
export interface GoJsonObject {
  [key: string]: GoJsonValue;
}

const HEX = '0123456789abcdef';

/** Go `encoding/json` string literal, with `<`, `>`, `&`, U+2028 and U+2029 escaped. */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      esc =
        c === 0x0a
          ? '\\n'
          : c === 0x0d
            ? '\\r'
            : c === 0x09
              ? '\\t'
              : c === 0x08
                ? '\\b'
                : c === 0x0c
                  ? '\\f'
                  : `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c) esc = '\\u003c';
    else if (c === 0x3e) esc = '\\u003e';
    else if (c === 0x26) esc = '\\u0026';
    else if (c === 0x2028) esc = '\\u2028';
    else if (c === 0x2029) esc = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A well-formed pair passes through; a lone surrogate is invalid UTF-8 to Go.
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return `${out}${s.slice(start)}"`;
}

/** Orders strings as Go compares them: by UTF-8 bytes, i.e. by code point. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Surrogates (U+D800–DFFF) stand for code points above U+FFFF, which sort after every
    // BMP character, including U+E000–U+FFFF.
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}

/** Go's `float64` JSON text (`strconv` shortest form; exponent below 1e-6 and from 1e21). */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`json: unsupported value: ${String(n)}`);
  if (Object.is(n, -0)) return '-0';
  // JavaScript's Number#toString uses the same shortest digits and the same thresholds.
  return String(n);
}

/** Go `json.Marshal` of a decoded JSON value: no whitespace, keys sorted bytewise. */
export function goJsonMarshal(value: GoJsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goJsonNumber(value);
  if (typeof value === 'string') return goJsonString(value);
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  const keys = Object.keys(value).sort(compareUtf8);
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonMarshal(value[k] as GoJsonValue)}`).join(',')}}`;
}

/**
 * A YAML value as Go holds it after `yaml.Unmarshal` → `json.Marshal` → `json.Unmarshal`:
 * every number a `float64` (so `bigint`s lose precision).
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
