/**
 * YAML timestamps as go-yaml recognises them: Go's `time.Parse` with the layouts
 * `2006-1-2T15:4:5.999999999Z07:00`, the same with a lower-case `t`,
 * `2006-1-2 15:4:5.999999999` and `2006-1-2`, printed back as Go's `time.Time` JSON form
 * (RFC 3339 with nanoseconds, trailing zeros trimmed).
 *
 * @module
 */

/** A parsed timestamp: its RFC 3339 text and its zone offset in seconds. */
export interface YamlTimestamp {
  /** e.g. `2001-12-14T21:59:43.1-05:00`; `Z` for a zero offset. */
  readonly rfc3339: string;
  /** Offset from UTC in seconds. */
  readonly offsetSeconds: number;
}

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Go's `getnum(s, false)`: one or two digits at `i`; returns [value, next index] or undefined. */
function getnum(s: string, i: number): [number, number] | undefined {
  if (!isDigit(s, i)) return undefined;
  if (!isDigit(s, i + 1)) return [s.charCodeAt(i) - 48, i + 1];
  return [(s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48), i + 2];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Fractional seconds after a `.`/`,` at `i`: [nanoseconds, next index]. */
function fraction(s: string, i: number): [number, number] {
  const c = s[i];
  if ((c !== '.' && c !== ',') || !isDigit(s, i + 1)) return [0, i];
  let j = i + 1;
  while (isDigit(s, j)) j++;
  const digits = s.slice(i + 1, Math.min(j, i + 10));
  return [Number(digits.padEnd(9, '0')), j];
}

function format(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  sec: number,
  ns: number,
  off: number,
): string {
  let frac = '';
  if (ns > 0) frac = `.${String(ns).padStart(9, '0').replace(/0+$/, '')}`;
  let zone = 'Z';
  if (off !== 0) {
    const a = Math.abs(off) / 60;
    zone = `${off < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
  }
  const ys = String(y).padStart(4, '0');
  return `${ys}-${pad2(mo)}-${pad2(d)}T${pad2(h)}:${pad2(mi)}:${pad2(sec)}${frac}${zone}`;
}

/**
 * Parses `s` as a go-yaml timestamp; `undefined` when it is not one (wrong shape, a field out
 * of range, a day the month does not have, trailing text).
 *
 * @example
 * ```ts
 * parseYamlTimestamp('2001-12-14')?.rfc3339 // '2001-12-14T00:00:00Z'
 * parseYamlTimestamp('2001-12-14t21:59:43.10-05:00')?.rfc3339 // '2001-12-14T21:59:43.1-05:00'
 * ```
 */
export function parseYamlTimestamp(s: string): YamlTimestamp | undefined {
  // Quick check shared by all layouts: exactly four digits, then '-'.
  if (
    s.length < 5 ||
    s[4] !== '-' ||
    !(isDigit(s, 0) && isDigit(s, 1) && isDigit(s, 2) && isDigit(s, 3))
  ) {
    return undefined;
  }
  const year = Number(s.slice(0, 4));
  const m = getnum(s, 5);
  if (!m || m[0] < 1 || m[0] > 12 || s[m[1]] !== '-') return undefined;
  const d = getnum(s, m[1] + 1);
  if (!d) return undefined;
  const [month, day] = [m[0], d[0]];
  if (day < 1 || day > daysIn(month, year)) return undefined;
  let i = d[1];
  if (i === s.length) return { rfc3339: format(year, month, day, 0, 0, 0, 0, 0), offsetSeconds: 0 };
  const sep = s[i];
  const zoned = sep === 'T' || sep === 't';
  if (zoned) i++;
  else if (sep === ' ') while (s[i] === ' ') i++;
  else return undefined;
  const h = getnum(s, i);
  if (!h || h[0] >= 24 || s[h[1]] !== ':') return undefined;
  const mi = getnum(s, h[1] + 1);
  if (!mi || mi[0] >= 60 || s[mi[1]] !== ':') return undefined;
  const sec = getnum(s, mi[1] + 1);
  if (!sec || sec[0] >= 60) return undefined;
  const [ns, afterFrac] = fraction(s, sec[1]);
  i = afterFrac;
  let off = 0;
  if (zoned) {
    if (s[i] === 'Z') i++;
    else {
      const sign = s[i];
      if (s.length - i < 6 || s[i + 3] !== ':' || (sign !== '+' && sign !== '-')) return undefined;
      if (!(isDigit(s, i + 1) && isDigit(s, i + 2) && isDigit(s, i + 4) && isDigit(s, i + 5)))
        return undefined;
      const oh = Number(s.slice(i + 1, i + 3));
      const om = Number(s.slice(i + 4, i + 6));
      if (oh > 24 || om > 60) return undefined;
      off = (oh * 60 + om) * 60 * (sign === '-' ? -1 : 1);
      i += 6;
    }
  }
  if (i !== s.length) return undefined;
  return { rfc3339: format(year, month, day, h[0], mi[0], sec[0], ns, off), offsetSeconds: off };
}
