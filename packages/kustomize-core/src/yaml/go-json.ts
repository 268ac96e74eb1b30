/**
 * Go's `encoding/json.Marshal` output for plain data (what kustomize hashes generated
 * ConfigMaps and Secrets with).
 *
 * @module
 */
import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/** Orders strings by UTF-8 bytes (= code points), as Go sorts map keys. */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (supplementary planes) sort after U+E000..U+FFFF in code point order.
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

const NEEDS_ESCAPE = /["\\\u0000-\u001f<>&\u2028\u2029\uD800-\uDFFF]/;

/** A string as Go's `encoding/json` writes it (HTML-safe escapes, invalid UTF-16 → U+FFFD). */
export function goJsonString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x22) rep = '\\"';
    else if (c === 0x5c) rep = '\\\\';
    else if (c < 0x20) {
      rep =
        c === 0x08
          ? '\\b'
          : c === 0x0c
            ? '\\f'
            : c === 0x0a
              ? '\\n'
              : c === 0x0d
                ? '\\r'
                : c === 0x09
                  ? '\\t'
                  : `\\u00${c.toString(16).padStart(2, '0')}`;
    } else if (c === 0x3c || c === 0x3e || c === 0x26 || c === 0x2028 || c === 0x2029) {
      rep = `\\u${c.toString(16).padStart(4, '0')}`;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const pair = c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      rep = '\\ufffd';
    }
    if (rep !== undefined) {
      out += s.slice(run, i) + rep;
      run = i + 1;
    }
  }
  return `${out}${s.slice(run)}"`;
}

function number(v: number | bigint): string {
  if (typeof v === 'bigint') return String(v);
  if (!Number.isFinite(v)) throw new KustomizeError('Output', `json: unsupported value: ${v}`);
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * Serialises `value` exactly like Go's `json.Marshal` of the equivalent
 * `map[string]interface{}` data: map keys sorted by bytes, no spaces, `<`, `>`, `&`,
 * U+2028 and U+2029 escaped as `\u003c`…, control characters as `\n`, `\b`, `\u0001`…,
 * floats in Go's shortest form (`1e+21`, `1e-7`).
 *
 * @example
 * ```ts
 * goJsonMarshal({ kind: 'ConfigMap', data: { b: '<&>', a: 1 } })
 * // '{"data":{"a":1,"b":"\\u003c\\u0026\\u003e"},"kind":"ConfigMap"}'
 * ```
 */
export function goJsonMarshal(value: YamlValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
    case 'bigint':
      return number(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => goJsonMarshal(v)).join(',')}]`;
  if (!isYamlMap(value))
    throw new KustomizeError('Output', `json: unsupported type: ${typeof value}`);
  const keys = Object.keys(value).sort(compareUtf8);
  const parts = keys.map((k) => `${goJsonString(k)}:${goJsonMarshal(value[k] as YamlValue)}`);
  return `{${parts.join(',')}}`;
}
