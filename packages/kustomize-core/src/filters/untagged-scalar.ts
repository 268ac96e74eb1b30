import type { YamlScalar, YamlValue } from '@kustomate/resource';

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const BOOLS: Record<string, boolean> = {
  true: true,
  True: true,
  TRUE: true,
  false: false,
  False: false,
  FALSE: false,
};
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** Go `strconv.ParseInt(s, 0, 64)` / `ParseUint` (base prefixes, leading-0 octal), or undefined. */
function parseGoInt(s: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  const digits = m[2] as string;
  let v: bigint;
  if (/^0[oO]/.test(digits)) v = BigInt(`0o${digits.slice(2)}`);
  else if (/^0[xXbB]/.test(digits)) v = BigInt(digits.toLowerCase());
  else if (digits.length > 1 && digits.startsWith('0')) v = BigInt(`0o${digits.slice(1)}`);
  else v = BigInt(digits === '' ? '0' : digits);
  v *= sign;
  if (v >= INT64_MIN && v <= INT64_MAX) return v;
  if (m[1] === '' && v <= UINT64_MAX) return v; // ParseUint accepts no sign
  return undefined;
}

function intValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(v)
    : v;
}

/**
 * What yaml.v3 (`resolve.go`) makes of a plain, untagged scalar: null, bool, int (Go base-0
 * syntax, `_` ignored), float, else the string itself. Timestamps are left as strings.
 */
export function resolvePlainScalar(text: string): YamlScalar {
  if (NULLS.has(text)) return null;
  const b = BOOLS[text];
  if (b !== undefined) return b;
  const c = text[0];
  if (c === '.') {
    if (/^\.(inf|Inf|INF)$/.test(text) || /^\.(nan|NaN|NAN)$/.test(text)) return text; // kept textual
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
    return text;
  }
  if (c === undefined || !/[-+0-9]/.test(c)) return text;
  if (/^[-+]\.(inf|Inf|INF)$/.test(text)) return text;
  const plain = text.replaceAll('_', '');
  const i = parseGoInt(plain);
  if (i !== undefined) return intValue(i);
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return f;
  }
  return text;
}

/** Whether a string value could have been written as a plain scalar (it resolves to itself). */
function isPlainString(value: string): boolean {
  return resolvePlainScalar(value) === value;
}

/**
 * The value a field holds after kyaml writes `text` into it as an untagged scalar keeping the
 * previous node's style (`filtersutil.SetScalar`, `FieldSetter{StringValue}`): a string when
 * the previous value must have been quoted, otherwise whatever the plain text resolves to
 * (name `123` plus suffix `4` stays an int). Without a previous value the node is plain.
 */
export function untaggedScalar(text: string, previous: YamlValue | undefined): YamlValue {
  if (typeof previous === 'string' && !isPlainString(previous)) return text;
  return resolvePlainScalar(text);
}

/** The text kyaml sees in a scalar node (`YNode().Value`); `null` reads as empty. */
export function scalarNodeText(value: YamlValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return '';
  return String(value);
}
