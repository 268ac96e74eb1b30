/**
 * The output side of yaml.v2's emitter (`emitterc.go`): column and indentation bookkeeping,
 * indicators, and the four scalar writers with their 80-column folding. Text is collected in
 * chunks; callers guarantee that strings are well-formed UTF-16.
 *
 * @module
 */
import { isBreak, isPrintable } from './scalar-analysis.js';

/** libyaml's `best_width`: lines may be folded at a space once past this column. */
export const BEST_WIDTH = 80;
/** libyaml's `best_indent`. */
export const BEST_INDENT = 2;

const SPACES = ' '.repeat(256);
const ESCAPES: Record<number, string> = {
  0x00: '\\0', 0x07: '\\a', 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0b: '\\v', 0x0c: '\\f',
  0x0d: '\\r', 0x1b: '\\e', 0x22: '\\"', 0x5c: '\\\\', 0x85: '\\N', 0xa0: '\\_',
  0x2028: '\\L', 0x2029: '\\P',
};

function escape(cp: number): string {
  const known = ESCAPES[cp];
  if (known !== undefined) return known;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Emitter state and low-level writes; one instance per document. */
export class V2Writer {
  private readonly parts: string[] = [];
  column = 0;
  indent = -1;
  private readonly indents: number[] = [];
  whitespace = true;
  indention = true;

  /** The text written so far. */
  text(): string {
    return this.parts.join('');
  }

  /** Appends text without line breaks, counting one column per UTF-16 unit. */
  put(s: string): void {
    this.parts.push(s);
    this.column += s.length;
  }

  putBreak(): void {
    this.parts.push('\n');
    this.column = 0;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(SPACES.slice(0, indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** A plain scalar (never contains breaks or leading/trailing spaces). */
  writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!allowBreaks || this.column + value.length <= BEST_WIDTH + 1 || !value.includes(' ')) {
      this.put(value);
    } else {
      let start = 0;
      let spaces = false;
      for (let i = 0; i < value.length; i++) {
        if (value.charCodeAt(i) !== 0x20) {
          spaces = false;
          continue;
        }
        if (!spaces && this.column + (i - start) > BEST_WIDTH && value.charCodeAt(i + 1) !== 0x20) {
          this.put(value.slice(start, i));
          this.writeIndent();
          start = i + 1;
        }
        spaces = true;
      }
      this.put(value.slice(start));
    }
    this.whitespace = false;
    this.indention = false;
  }

  /** A single-quoted scalar; breaks here can only be U+2028/U+2029. */
  writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    const last = value.length - 1;
    let run = 0; // start of pending ordinary text
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 0x20) {
        if (allowBreaks && !spaces && this.column + (i - run) > BEST_WIDTH && i > 0 && i < last && value.charCodeAt(i + 1) !== 0x20) {
          this.put(value.slice(run, i));
          this.writeIndent();
          run = i + 1;
        }
        spaces = true;
      } else if (isBreak(c)) {
        this.put(value.slice(run, i));
        this.parts.push(value[i] ?? '');
        this.column = 0;
        run = i + 1;
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.put(value.slice(run, i));
          run = i;
          this.writeIndent();
          breaks = false;
        }
        if (c === 0x27) {
          this.put(value.slice(run, i + 1));
          run = i;
        }
        this.indention = false;
        spaces = false;
      }
    }
    this.put(value.slice(run));
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** A double-quoted scalar with libyaml's escapes (and its BOM quirk: a leading U+FEFF escapes everything). */
  writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const bom = value.charCodeAt(0) === 0xfeff;
    const last = value.length - 1;
    let spaces = false;
    let run = 0;
    for (let i = 0; i < value.length; ) {
      const cp = value.codePointAt(i) ?? 0;
      const w = cp > 0xffff ? 2 : 1;
      if (bom || !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
        this.put(value.slice(run, i));
        this.put(escape(cp));
        run = i + w;
        spaces = false;
      } else if (cp === 0x20) {
        if (allowBreaks && !spaces && this.column + (i - run) > BEST_WIDTH && i > 0 && i < last) {
          this.put(value.slice(run, i));
          this.writeIndent();
          if (value.charCodeAt(i + 1) === 0x20) this.put('\\');
          run = i + 1;
        }
        spaces = true;
      } else {
        spaces = false;
      }
      i += w;
    }
    this.put(value.slice(run));
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** A literal block scalar (`|`, with indentation and chomping indicators as needed). */
  writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const first = value.charCodeAt(0);
    if (first === 0x20 || isBreak(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = value.length;
    const lastChar = value.charCodeAt(n - 1);
    let chomp = '';
    if (!isBreak(lastChar)) chomp = '-';
    else if (n === 1 || isBreak(value.charCodeAt(n - 2))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    let run = 0;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (isBreak(c)) {
        this.put(value.slice(run, i));
        if (c === 0x0a) this.putBreak();
        else {
          this.parts.push(value[i] ?? '');
          this.column = 0;
        }
        run = i + 1;
        this.indention = true;
        breaks = true;
      } else if (breaks) {
        this.writeIndent();
        run = i;
        this.indention = false;
        breaks = false;
      }
    }
    this.put(value.slice(run));
  }
}
