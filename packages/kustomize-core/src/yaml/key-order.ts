/**
 * The map key order of yaml.v2's encoder (`sorter.go`, `keyList.Less`), which decides the
 * field order of everything kustomize prints.
 *
 * @module
 */

const DIGITS = /\p{Nd}/u;
const LETTERS = /\p{L}/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return LETTERS.test(String.fromCodePoint(cp));
}

function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 48 && cp <= 57;
  return DIGITS.test(String.fromCodePoint(cp));
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/**
 * Reads the run of digits starting at `i` the way the Go code does (`n = n*10 + (r - '0')`
 * in wrapping int64 arithmetic, from a start value of 0 or 1). Returns [value, run length in
 * runes] with the value as a bigint only when it may exceed a double's exact range.
 */
function digitRun(s: string, i: number, start: number): [number | bigint, number] {
  let n: number | bigint = start;
  let runes = 0;
  for (let k = i; k < s.length;) {
    const cp = s.codePointAt(k) ?? 0;
    if (!isDigit(cp)) break;
    const d = cp - 48;
    if (typeof n === 'number' && (n > 1e14 || d > 9)) n = BigInt(n);
    n = typeof n === 'number' ? n * 10 + d : BigInt.asIntN(64, n * 10n + BigInt(d));
    runes++;
    k += width(cp);
  }
  return [n, runes];
}

/** True when a non-zero digit immediately precedes `i` within a run of digits. */
function nonZeroDigitBefore(s: string, i: number): boolean {
  for (let j = i; j > 0;) {
    let cp = s.charCodeAt(j - 1);
    let w = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && j >= 2) {
      cp = s.codePointAt(j - 2) ?? cp;
      w = cp > 0xffff ? 2 : 1;
    }
    if (!isDigit(cp)) return false;
    if (cp !== 48) return true;
    j -= w;
  }
  return false;
}

/**
 * Compares two map keys like yaml.v2's `keyList.Less` (the variant without the `digits`
 * flag): rune by rune; at the first difference two letters compare by code point, a
 * non-letter sorts before a letter, and two non-letters compare by the numeric value of the
 * digit runs starting there, then by run length, then by code point. A prefix sorts first.
 *
 * Not transitive for some key sets (`a1b < a9b < a10a < a1b`); kustomize's own output is
 * random for those.
 *
 * @returns a negative number, zero (only for equal strings) or a positive number.
 *
 * @example
 * ```ts
 * ['item10', 'item9', 'B', '_z'].sort(compareYamlV2Keys) // ['_z', 'B', 'item9', 'item10']
 * ```
 */
export function compareYamlV2Keys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length < b.length ? -1 : 1;
  // Step back onto the start of a surrogate pair whose high half matched.
  if (i > 0) {
    const prev = a.charCodeAt(i - 1);
    if (prev >= 0xd800 && prev <= 0xdbff) i--;
  }
  const ra = a.codePointAt(i) ?? 0;
  const rb = b.codePointAt(i) ?? 0;
  const al = isLetter(ra);
  const bl = isLetter(rb);
  if (al && bl) return ra - rb;
  if (al || bl) return al ? 1 : -1;
  const start = (ra === 48 || rb === 48) && nonZeroDigitBefore(a, i) ? 1 : 0;
  const [an, alen] = digitRun(a, i, start);
  const [bn, blen] = digitRun(b, i, start);
  // Relational operators compare numbers and bigints exactly, even mixed.
  if (an < bn) return -1;
  if (an > bn) return 1;
  if (alen !== blen) return alen - blen;
  return ra - rb;
}
