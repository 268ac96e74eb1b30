/**
 * The change a folded block scalar (`>`) suffers when kyaml writes a resource back out with
 * yaml.v3 and reads it again before printing. libyaml's folded writer decides whether a line
 * break needs an extra blank line by looking at the *start of the whole value* instead of the
 * text after the break, so a break followed by a more-indented line gains a newline:
 * `"three\n more"` comes back as `"three\n\n more"`.
 *
 * This module writes the value as yaml.v3 would (minus line wrapping at 80 columns, which
 * only matters for more-indented lines longer than that) and scans it back with libyaml's
 * block scalar rules.
 *
 * @module
 */
import { isBreak, isPrintable } from './scalar-analysis.js';

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';
const isBreakChar = (c: string | undefined): boolean => c !== undefined && isBreak(c.charCodeAt(0));

/** yaml.v3 writes a folded scalar as a block only when its analysis allows block style. */
function blockAllowedV3(value: string): boolean {
  if (value.length === 0 || value.endsWith(' ')) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20 && isBreak(value.charCodeAt(i + 1))) return false;
    // Tabs are allowed in blocks by yaml.v3; supplementary-plane characters are not printable.
    if (c !== 0x09 && !isPrintable(c)) return false;
  }
  return true;
}

/** The lines yaml.v3's `yaml_emitter_write_folded_scalar` produces (content indent 2). */
function writeFolded(value: string): { text: string; chomp: number } {
  const last = value[value.length - 1];
  let chomp = 0;
  if (!isBreakChar(last)) chomp = -1;
  else if (value.length === 1 || isBreakChar(value[value.length - 2])) chomp = 1;
  let k = 0;
  while (isBreakChar(value[k])) k++;
  const startsBlankz = k >= value.length || isBlank(value[k]) || value[k] === '\0';
  let out = '';
  let breaks = true;
  let leadingSpaces = true;
  for (const c of value) {
    if (isBreakChar(c)) {
      if (!breaks && !leadingSpaces && c === '\n' && !startsBlankz) out += '\n';
      out += c;
      breaks = true;
    } else {
      if (breaks) {
        out += '  ';
        leadingSpaces = isBlank(c);
      }
      out += c;
      breaks = false;
    }
  }
  return { text: out, chomp };
}

/** libyaml's `read_line`: CR, LF and NEL read as `\n`; LS and PS are kept. */
const lineBreak = (c: string): string => (c === '\u2028' || c === '\u2029' ? c : '\n');

/** libyaml's folded block scalar scanner over content indented by exactly 2 spaces. */
function scanFolded(text: string, chomp: number): string {
  const indent = 2;
  let i = 0;
  let s = '';
  let leadingBreak = '';
  let trailingBreaks = '';
  let leadingBlank = false;
  const scanBreaks = (): number => {
    for (;;) {
      let col = 0;
      while (col < indent && text[i] === ' ') {
        i++;
        col++;
      }
      if (!isBreakChar(text[i])) return col;
      trailingBreaks += lineBreak(text[i] as string);
      i++;
    }
  };
  let col = scanBreaks();
  while (col === indent && i < text.length) {
    const trailingBlank = isBlank(text[i]);
    if (!leadingBlank && !trailingBlank && leadingBreak.startsWith('\n')) {
      if (trailingBreaks === '') s += ' ';
    } else {
      s += leadingBreak;
    }
    leadingBreak = '';
    s += trailingBreaks;
    trailingBreaks = '';
    leadingBlank = isBlank(text[i]);
    const start = i;
    while (i < text.length && !isBreakChar(text[i])) i++;
    s += text.slice(start, i);
    if (i < text.length) {
      leadingBreak = lineBreak(text[i] as string);
      i++;
    }
    col = scanBreaks();
  }
  if (chomp !== -1) s += leadingBreak;
  if (chomp === 1) s += trailingBreaks;
  return s;
}

/**
 * The value a folded block scalar has after kyaml's yaml.v3 write-and-read round trip.
 *
 * @example
 * ```ts
 * foldedRoundTrip('three\n more') // 'three\n\n more'
 * ```
 */
export function foldedRoundTrip(value: string): string {
  if (!/[\n\u0085]/.test(value) || !blockAllowedV3(value)) return value;
  const { text, chomp } = writeFolded(value);
  return scanFolded(text, chomp);
}
