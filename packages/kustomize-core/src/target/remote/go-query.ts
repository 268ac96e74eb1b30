/**
 * The few Go standard-library parsers kustomize applies to a remote URL's query: `url.ParseQuery`,
 * `strconv.Atoi`, `strconv.ParseBool` and `time.ParseDuration`, with Go's acceptance rules.
 */

const decoder = new TextDecoder('utf-8');

/** Go `url.QueryUnescape`: `+` is a space, `%XY` a byte; a bad escape is an error (`undefined`). */
function queryUnescape(s: string): string | undefined {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === '+') {
      bytes.push(0x20);
    } else {
      const cp = s.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
    }
  }
  return decoder.decode(new Uint8Array(bytes));
}

/**
 * Go `url.ParseQuery`: `&`-separated `key=value` pairs, unescaped. Returns `undefined` where Go
 * returns an error (a `;` in a pair, a bad `%` escape), which kustomize treats as "no query".
 */
export function parseGoQuery(query: string): Map<string, string[]> | undefined {
  const values = new Map<string, string[]>();
  let failed = false;
  for (const part of query.split('&')) {
    if (part.includes(';')) {
      failed = true;
      continue;
    }
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = queryUnescape(eq < 0 ? part : part.slice(0, eq));
    const value = queryUnescape(eq < 0 ? '' : part.slice(eq + 1));
    if (key === undefined || value === undefined) {
      failed = true;
      continue;
    }
    const list = values.get(key) ?? [];
    list.push(value);
    values.set(key, list);
  }
  return failed ? undefined : values;
}

const MAX_INT64 = 2n ** 63n - 1n;

/** Go `strconv.Atoi` (64-bit): optional sign and decimal digits, in range. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > MAX_INT64 || n < -MAX_INT64 - 1n) return undefined;
  return Number(n);
}

/** Go `strconv.ParseBool`. */
export function goParseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  '\u00b5s': 1e3,
  '\u03bcs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go `time.ParseDuration`, in nanoseconds; `undefined` where Go returns an error. */
export function goParseDuration(input: string): number | undefined {
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s.startsWith('-')) sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) return undefined;
    s = s.slice(m?.[0].length ?? 0);
    let i = 0;
    while (i < s.length && !/[0-9.]/.test(s[i] ?? '')) i++;
    const unit = UNIT_NS[s.slice(0, i)];
    if (i === 0 || unit === undefined) return undefined;
    s = s.slice(i);
    total += Number(`${whole === '' ? '0' : whole}.${frac ?? ''}0`) * unit;
  }
  if (total > Number(MAX_INT64)) return undefined;
  return sign * total;
}
