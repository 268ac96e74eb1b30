/**
 * The parts of Go's `strconv` package whose exact behaviour decides how kustomize types and
 * prints numbers: `ParseInt`/`ParseUint` (including base 0 prefixes), `ParseFloat`'s syntax
 * and range checks, and `FormatFloat(v, 'g', -1, 64)`.
 *
 * @module
 */

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** Value of one digit character in bases up to 36, or 99 when it is not a digit. */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) return lower - 87;
  return 99;
}

/**
 * Go's `strconv.ParseUint(s, base, 64)` for `s` without underscores: `undefined` on a syntax
 * or range error. Base 0 takes the base from a `0x`, `0o`, `0b` or `0` prefix.
 */
export function parseGoUint(s: string, base: number): bigint | undefined {
  if (s.length === 0) return undefined;
  let start = 0;
  if (base === 0) {
    base = 10;
    if (s.charCodeAt(0) === 48) {
      const p = s.length >= 3 ? s.charCodeAt(1) | 0x20 : 0;
      if (p === 98) [base, start] = [2, 2];
      else if (p === 111) [base, start] = [8, 2];
      else if (p === 120) [base, start] = [16, 2];
      else [base, start] = [8, 1];
    }
  }
  const n = s.length - start;
  // Fast path: short decimal strings fit a double exactly.
  if (base === 10 && n <= 15) {
    let v = 0;
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      v = v * 10 + c;
    }
    return BigInt(v);
  }
  const bigBase = BigInt(base);
  let v = 0n;
  for (let i = start; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    if (d >= base) return undefined;
    v = v * bigBase + BigInt(d);
    if (v > UINT64_MAX) return undefined;
  }
  return v;
}

/**
 * Go's `strconv.ParseInt(s, base, 64)` for `s` without underscores: an optional `+`/`-` sign,
 * then {@link parseGoUint}; `undefined` on a syntax error or outside the int64 range.
 */
export function parseGoInt(s: string, base: number): bigint | undefined {
  if (s.length === 0) return undefined;
  const c0 = s.charCodeAt(0);
  const neg = c0 === 45;
  const body = c0 === 43 || c0 === 45 ? s.slice(1) : s;
  const u = parseGoUint(body, base);
  if (u === undefined) return undefined;
  const v = neg ? -u : u;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}

/** True when `v` lies in Go's int64 or uint64 range (what a YAML int can hold). */
export function inGoIntRange(v: bigint): boolean {
  return v >= INT64_MIN && v <= UINT64_MAX;
}

/**
 * Go's `strconv.underscoreOK` for a decimal or hex literal: underscores only between digits
 * (or after a base prefix).
 */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes((s[1] ?? '').toLowerCase())) {
    i = 2;
    saw = '0';
    hex = (s[1] ?? '').toLowerCase() === 'x';
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const l = c | 0x20;
    if ((c >= 48 && c <= 57) || (hex && l >= 97 && l <= 102)) {
      saw = '0';
      continue;
    }
    if (c === 95) {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const GO_DECIMAL_FLOAT = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const GO_SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;

/**
 * Go's `strconv.ParseFloat(s, 64)` for decimal syntax (hex floats are treated as errors,
 * which no caller here can reach): the value, or `undefined` on a syntax error or overflow.
 */
export function parseGoFloat(s: string): number | undefined {
  if (GO_SPECIAL_FLOAT.test(s)) {
    const l = s.toLowerCase();
    if (l.endsWith('nan')) return NaN;
    return l.startsWith('-') ? -Infinity : Infinity;
  }
  if (!GO_DECIMAL_FLOAT.test(s) || !/[0-9]/.test(s.replace(/[eE].*$/, ''))) return undefined;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replaceAll('_', '');
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/**
 * Go's `strconv.FormatFloat(v, 'g', -1, 64)`: the shortest digits that round-trip, in
 * exponent form (at least two exponent digits) when the decimal exponent is < -4 or >= 6,
 * e.g. `1234567.5` → `1.2345675e+06`, `0.00001` → `1e-05`, `123456.5` → `123456.5`.
 */
export function formatGoFloat(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
  return formatExponential(v.toExponential()); // shortest round-trip digits, e.g. "1.2345675e+6"
}

/**
 * Go's `strconv.FormatFloat(v, 'g', -1, 32)`: like {@link formatGoFloat} but with the
 * shortest digits that identify `v` as a float32 (`0.1` stays `0.1`).
 */
export function formatGoFloat32(v: number): string {
  const f = Math.fround(v);
  if (f === 0 || !Number.isFinite(f)) return formatGoFloat(f);
  for (let p = 0; p < 9; p++) {
    const e = f.toExponential(p);
    if (Math.fround(Number(e)) === f) return formatExponential(e);
  }
  return formatExponential(f.toExponential(8));
}

/** Formats JS exponential notation (`-1.25e+7`) the way Go's `%g` with shortest digits does. */
function formatExponential(e: string): string {
  const ePos = e.indexOf('e');
  const exp = Number(e.slice(ePos + 1));
  const neg = e.startsWith('-');
  const digits = e.slice(neg ? 1 : 0, ePos).replace('.', '');
  const sign = neg ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ax = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ax < 10 ? '0' : ''}${ax}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
