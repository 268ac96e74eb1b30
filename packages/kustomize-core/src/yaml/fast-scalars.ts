/**
 * Single-line scalars for the fast block parser: plain text, quoted strings with libyaml's
 * escapes, and the trailing-comment rules. Anything unusual returns `undefined` so that the
 * caller falls back to the full parser.
 *
 * @module
 */

/** A scalar read from one line: its text, style, and where the line continues. */
export interface InlineScalar {
  readonly text: string;
  readonly type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  /** Index just after the scalar. */
  readonly end: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Column of the first non-space character at or after `from`. */
export const indentOf = (line: string, from = 0): number => {
  let i = from;
  while (line.charCodeAt(i) === 0x20) i++;
  return i;
};

/** A block sequence entry indicator (`-` then space or end of line) at `i`. */
export const isDash = (line: string, i: number): boolean =>
  line.charCodeAt(i) === 0x2d && (line.length === i + 1 || line.charCodeAt(i + 1) === 0x20);

/** True when only blanks, or blanks then a comment, follow position `i`. */
export function restIsEmpty(line: string, i: number): boolean {
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  return (
    i === line.length ||
    (line.charCodeAt(i) === 0x23 && (i === 0 || line.charCodeAt(i - 1) === 0x20))
  );
}

function doubleQuoted(line: string, start: number): InlineScalar | undefined {
  let out = '';
  let run = start + 1;
  for (let i = start + 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"') return { text: out + line.slice(run, i), type: 'QUOTE_DOUBLE', end: i + 1 };
    if (c !== '\\') continue;
    out += line.slice(run, i);
    const e = line[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else {
      const n = HEX_LENGTH[e];
      const hex = n === undefined ? '' : line.slice(i + 2, i + 2 + n);
      if (n === undefined || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) return undefined;
      const cp = parseInt(hex, 16);
      if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return undefined;
      out += String.fromCodePoint(cp);
      i += 1 + n;
    }
    run = i + 1;
  }
  return undefined; // continues on the next line
}

function singleQuoted(line: string, start: number): InlineScalar | undefined {
  let out = '';
  let run = start + 1;
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] !== "'") continue;
    if (line[i + 1] === "'") {
      out += line.slice(run, i + 1);
      i++;
      run = i + 1;
      continue;
    }
    return { text: out + line.slice(run, i), type: 'QUOTE_SINGLE', end: i + 1 };
  }
  return undefined;
}

/** Characters that may not start a plain scalar (or need the full parser). */
const BAD_PLAIN_START = new Set([
  '#',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
]);

/**
 * Reads a scalar starting at `start`. For plain scalars `key` selects the rules of a mapping
 * key (ends at `: `) or a value (may not contain `: `). Returns `undefined` when the text
 * needs the full parser.
 */
export function inlineScalar(line: string, start: number, key: boolean): InlineScalar | undefined {
  const c = line[start];
  if (c === '"') return doubleQuoted(line, start);
  if (c === "'") return singleQuoted(line, start);
  if (c === undefined || BAD_PLAIN_START.has(c)) return undefined;
  const next = line.charCodeAt(start + 1);
  if ((c === '-' || c === '?' || c === ':') && (Number.isNaN(next) || next === 0x20))
    return undefined;
  let end = line.length;
  for (let i = start; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 0x23 && line.charCodeAt(i - 1) === 0x20) {
      end = i;
      break;
    }
    if (ch === 0x3a && (i + 1 === line.length || line.charCodeAt(i + 1) === 0x20)) {
      if (!key) return undefined;
      end = i;
      break;
    }
  }
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  if (end === start) return undefined;
  return { text: line.slice(start, end), type: 'PLAIN', end };
}
