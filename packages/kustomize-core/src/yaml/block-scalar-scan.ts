/**
 * libyaml's block scalar scanner (`yaml_parser_scan_block_scalar`) over a list of source
 * lines: indentation detection, literal (`|`) and folded (`>`) line joining, chomping.
 *
 * @module
 */

/** The parsed header of a block scalar (`|`, `>-`, `|2+`, …). */
export interface BlockScalarHeader {
  readonly literal: boolean;
  /** -1 strip (`-`), 0 clip, +1 keep (`+`). */
  readonly chomping: number;
  /** Explicit indentation indicator, 0 when absent. */
  readonly increment: number;
}

/** Parses a block scalar header like `|-`, `>2`, `|+ # comment`; `undefined` if malformed. */
export function parseBlockHeader(text: string): BlockScalarHeader | undefined {
  const m = /^([|>])(?:([+-])([1-9])?|([1-9])([+-])?)?(?:[ \t]+(?:#.*)?)?$/.exec(text);
  if (m === null) return undefined;
  const sign = m[2] ?? m[5];
  return {
    literal: m[1] === '|',
    chomping: sign === '+' ? 1 : sign === '-' ? -1 : 0,
    increment: Number(m[3] ?? m[4] ?? 0),
  };
}

/** The scalar's value and the index of the first line after it. */
export interface BlockScalarScan {
  readonly value: string;
  readonly next: number;
}

/**
 * Scans the content of a block scalar starting at `lines[start]`. `parentIndent` is the
 * indentation of the enclosing block collection (libyaml's `parser.indent`, -1 at the top).
 * `lines` are the text split at `\n`: every line but the last was followed by a line break.
 * Returns `undefined` for input libyaml rejects (a tab where indentation is expected).
 */
export function scanBlockScalar(
  lines: readonly string[],
  start: number,
  header: BlockScalarHeader,
  parentIndent: number,
): BlockScalarScan | undefined {
  let indent = header.increment > 0 ? (parentIndent >= 0 ? parentIndent : 0) + header.increment : 0;
  const last = lines.length - 1;
  let li = start;
  let col = 0;
  let trailing = '';
  // libyaml's yaml_parser_scan_block_scalar_breaks.
  const breaks = (): boolean => {
    let maxIndent = 0;
    for (;;) {
      const line = lines[li] ?? '';
      col = 0;
      while ((indent === 0 || col < indent) && line.charCodeAt(col) === 0x20) col++;
      if (col > maxIndent) maxIndent = col;
      if ((indent === 0 || col < indent) && line.charCodeAt(col) === 0x09) return false;
      if (col < line.length || li >= last) break;
      trailing += '\n';
      li++;
    }
    if (indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
    return true;
  };
  if (li > last || !breaks()) return li > last ? { value: '', next: li } : undefined;
  let s = '';
  let leadingBreak = '';
  let leadingBlank = false;
  while (col === indent && li <= last && !(li === last && col >= (lines[li] ?? '').length)) {
    const line = lines[li] ?? '';
    const c = line.charCodeAt(col);
    const trailingBlank = c === 0x20 || c === 0x09;
    if (!header.literal && !leadingBlank && !trailingBlank && leadingBreak === '\n') {
      if (trailing === '') s += ' ';
    } else {
      s += leadingBreak;
    }
    leadingBreak = '';
    s += trailing;
    trailing = '';
    leadingBlank = trailingBlank;
    s += line.slice(col);
    if (li >= last) {
      li++;
      break;
    }
    leadingBreak = '\n';
    li++;
    if (!breaks()) return undefined;
  }
  if (header.chomping !== -1) s += leadingBreak;
  if (header.chomping === 1) s += trailing;
  return { value: s, next: Math.min(li, lines.length) };
}
