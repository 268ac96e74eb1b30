/**
 * Translation of Go RE2 syntax (`regexp.Compile`) to a JavaScript `RegExp` with the `u` flag
 * (Go matches code points). Covers what differs in practice: escaped punctuation (`\-`, `\/`
 * are fine in Go, errors in JS `u` mode), `\Q…\E`, `\A`, `\z`, `\x{…}`, one-letter Unicode
 * classes `\pL`, POSIX classes `[[:alpha:]]`, `(?P<name>…)`, leading `(?flags)`. Constructs
 * RE2 rejects (back-references, look-around) throw, as `regexp.Compile` fails on them.
 */

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const PASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'f', 't', 'n', 'r', 'v']);

function hexEscape(ch: string): string {
  const cp = ch.codePointAt(0) as number;
  return `\\u{${cp.toString(16)}}`;
}

function literal(text: string): string {
  return [...text].map((ch) => (/[A-Za-z0-9_]/.test(ch) ? ch : hexEscape(ch))).join('');
}

/** Translates one escape starting at `src[i] === '\\'`; returns [js, next index]. */
function escape(src: string, i: number, inClass: boolean): [string, number] {
  const c = src[i + 1];
  if (c === undefined) throw new SyntaxError('trailing backslash at end of expression');
  if (PASS_ESCAPES.has(c)) {
    if (inClass && (c === 'b' || c === 'B'))
      throw new SyntaxError(`invalid escape sequence: \\${c}`);
    return [`\\${c}`, i + 2];
  }
  if (c === 'a') return ['\\x07', i + 2];
  if (!inClass && c === 'A') return ['^', i + 2];
  if (!inClass && c === 'z') return ['(?![\\s\\S])', i + 2];
  if (c === 'x') {
    if (src[i + 2] === '{') {
      const end = src.indexOf('}', i + 3);
      if (end < 0) throw new SyntaxError('invalid escape sequence: \\x{');
      return [`\\u{${src.slice(i + 3, end)}}`, end + 1];
    }
    const hex = src.slice(i + 2, i + 4);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new SyntaxError('invalid escape sequence: \\x');
    return [`\\x${hex}`, i + 4];
  }
  if (c === 'p' || c === 'P') {
    if (src[i + 2] === '{') {
      const end = src.indexOf('}', i + 3);
      if (end < 0) throw new SyntaxError('invalid character class range');
      return [`\\${c}{${src.slice(i + 3, end)}}`, end + 1];
    }
    const name = src[i + 2];
    if (name === undefined) throw new SyntaxError('invalid character class range');
    return [`\\${c}{${name}}`, i + 3];
  }
  if (/[0-7]/.test(c)) {
    if (c === '0' || /[0-7]/.test(src[i + 2] ?? '')) {
      const m = /^[0-7]{1,3}/.exec(src.slice(i + 1)) as RegExpExecArray;
      return [hexEscape(String.fromCodePoint(parseInt(m[0], 8))), i + 1 + m[0].length];
    }
    throw new SyntaxError(`invalid escape sequence: \\${c}`); // back-references
  }
  if (/[A-Za-z0-9]/.test(c)) throw new SyntaxError(`invalid escape sequence: \\${c}`);
  return [hexEscape(c), i + 2];
}

function translateClass(src: string, start: number): [string, number] {
  let i = start + 1;
  let out = '[';
  if (src[i] === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === ']' && !first) return [`${out}]`, i + 1];
    first = false;
    if (ch === '[' && src[i + 1] === ':') {
      const end = src.indexOf(':]', i + 2);
      const negate = src[i + 2] === '^';
      const name = end < 0 ? undefined : src.slice(i + (negate ? 3 : 2), end);
      const ranges = name === undefined ? undefined : POSIX[name];
      if (ranges !== undefined && !negate) {
        out += ranges;
        i = end + 2;
        continue;
      }
      if (ranges !== undefined) throw new SyntaxError('negated POSIX classes are not supported');
    }
    if (ch === '\\') {
      const [js, next] = escape(src, i, true);
      out += js;
      i = next;
      continue;
    }
    out += /[A-Za-z0-9 _]/.test(ch) || ch === '-' ? ch : hexEscape(ch);
    i += ch.length;
  }
  throw new SyntaxError('missing closing ]');
}

/** Translates a Go regexp to JavaScript source plus flags. */
export function translateGoRegexp(src: string): { source: string; flags: string } {
  let flags = 'u';
  let i = 0;
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    for (const f of lead[1] as string) {
      if (f === 'U') throw new SyntaxError('ungreedy flag is not supported');
      if (!flags.includes(f)) flags += f;
    }
    i = lead[0].length;
  }
  let out = '';
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '\\') {
      if (src[i + 1] === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const text = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end);
        out += literal(text);
        i = end < 0 ? src.length : end + 2;
        continue;
      }
      const [js, next] = escape(src, i, false);
      out += js;
      i = next;
      continue;
    }
    if (ch === '[') {
      const [js, next] = translateClass(src, i);
      out += js;
      i = next;
      continue;
    }
    if (ch === '(' && src[i + 1] === '?') {
      if (src.startsWith('(?P<', i)) {
        out += '(?<';
        i += 4;
        continue;
      }
      if (src.startsWith('(?:', i) || src.startsWith('(?<', i)) {
        if (/^\(\?<[=!]/.test(src.slice(i)))
          throw new SyntaxError('invalid or unsupported Perl syntax');
        out += src.slice(i, i + 3);
        i += 3;
        continue;
      }
      throw new SyntaxError('invalid or unsupported Perl syntax');
    }
    if (ch === '{') {
      // A valid repetition passes; any other brace is a literal in Go (an error in JS `u`).
      const rep = /^\{\d+(,\d*)?\}/.exec(src.slice(i));
      if (rep) {
        out += rep[0];
        i += rep[0].length;
      } else {
        out += '\\{';
        i++;
      }
      continue;
    }
    if (ch === '}' || ch === ']') {
      out += `\\${ch}`;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return { source: out, flags };
}

const cache = new Map<string, RegExp>();

/** Compiles a Go regexp (cached). Throws `SyntaxError` where Go's `regexp.Compile` would fail. */
export function compileGoRegexp(src: string): RegExp {
  let re = cache.get(src);
  if (re === undefined) {
    const { source, flags } = translateGoRegexp(src);
    re = new RegExp(source, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(src, re);
  }
  return re;
}
