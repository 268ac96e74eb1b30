/**
 * The output side of yaml.v2's emitter (`emitterc.go`): column and indentation bookkeeping,
 * indicators, and the plain and single-quoted scalar writers with their 80-column folding
 * (the other two styles are in `v2-scalar-writers.ts`). Text is collected in chunks;
 * callers guarantee that strings are well-formed UTF-16.
 *
 * @module
 */
import { isBreak } from './scalar-analysis.js';

/** libyaml's `best_width`: lines may be folded at a space once past this column. */
export const BEST_WIDTH = 80;
/** libyaml's `best_indent`. */
export const BEST_INDENT = 2;

const SPACES = ' '.repeat(256);
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

  /** Writes a line break character other than `\n` (U+2028, U+2029) as it is. */
  putRawBreak(ch: string): void {
    this.parts.push(ch);
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
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    if (this.column < indent) this.put(SPACES.slice(0, indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
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
        if (
          allowBreaks &&
          !spaces &&
          this.column + (i - run) > BEST_WIDTH &&
          i > 0 &&
          i < last &&
          value.charCodeAt(i + 1) !== 0x20
        ) {
          this.put(value.slice(run, i));
          this.writeIndent();
          run = i + 1;
        }
        spaces = true;
      } else if (isBreak(c)) {
        this.put(value.slice(run, i));
        this.putRawBreak(value[i] ?? '');
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
}
