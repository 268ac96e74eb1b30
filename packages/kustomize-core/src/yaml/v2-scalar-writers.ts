/**
 * yaml.v2's double-quoted and literal block scalar writers (`emitterc.go`
 * `yaml_emitter_write_double_quoted_scalar`, `yaml_emitter_write_literal_scalar`).
 *
 * @module
 */
import { isBreak, isPrintable } from './scalar-analysis.js';
import { BEST_INDENT, BEST_WIDTH, type V2Writer } from './v2-writer.js';

const ESCAPES: Record<number, string> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0xa0: '\\_',
  0x2028: '\\L',
  0x2029: '\\P',
};

function escape(cp: number): string {
  const known = ESCAPES[cp];
  if (known !== undefined) return known;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/**
 * A double-quoted scalar with libyaml's escapes, folded at spaces past column 80 (a folded
 * line that starts with a space gets a `\` first). libyaml's BOM quirk is kept: a value that
 * starts with U+FEFF has every character escaped.
 */
export function writeDoubleQuoted(w: V2Writer, value: string, allowBreaks: boolean): void {
  w.writeIndicator('"', true, false, false);
  const bom = value.charCodeAt(0) === 0xfeff;
  const last = value.length - 1;
  let spaces = false;
  let run = 0;
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    if (bom || !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
      w.put(value.slice(run, i));
      w.put(escape(cp));
      run = i + width;
      spaces = false;
    } else if (cp === 0x20) {
      if (allowBreaks && !spaces && w.column + (i - run) > BEST_WIDTH && i > 0 && i < last) {
        w.put(value.slice(run, i));
        w.writeIndent();
        if (value.charCodeAt(i + 1) === 0x20) w.put('\\');
        run = i + 1;
      }
      spaces = true;
    } else {
      spaces = false;
    }
    i += width;
  }
  w.put(value.slice(run));
  w.writeIndicator('"', false, false, false);
  w.whitespace = false;
  w.indention = false;
}

/** A literal block scalar (`|`, with indentation and chomping indicators as needed). */
export function writeLiteral(w: V2Writer, value: string): void {
  w.writeIndicator('|', true, false, false);
  const first = value.charCodeAt(0);
  if (first === 0x20 || isBreak(first)) w.writeIndicator(String(BEST_INDENT), false, false, false);
  const n = value.length;
  const lastChar = value.charCodeAt(n - 1);
  let chomp = '';
  if (!isBreak(lastChar)) chomp = '-';
  else if (n === 1 || isBreak(value.charCodeAt(n - 2))) chomp = '+';
  if (chomp) w.writeIndicator(chomp, false, false, false);
  w.putBreak();
  w.indention = true;
  w.whitespace = true;
  let breaks = true;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (isBreak(c)) {
      w.put(value.slice(run, i));
      if (c === 0x0a) w.putBreak();
      else {
        w.putRawBreak(value[i] ?? '');
      }
      run = i + 1;
      w.indention = true;
      breaks = true;
    } else if (breaks) {
      w.writeIndent();
      run = i;
      w.indention = false;
      breaks = false;
    }
  }
  w.put(value.slice(run));
}
