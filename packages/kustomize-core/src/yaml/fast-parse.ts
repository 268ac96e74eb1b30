/**
 * A fast parser for the plain block YAML that nearly every Kubernetes manifest (and all of
 * kustomize's own output) is written in: block mappings and sequences, single-line plain and
 * quoted scalars, literal and folded block scalars, single-line flow collections, comments.
 * It gives exactly
 * the values the general path (the `yaml` package + {@link Composer}) gives, and returns
 * `undefined` as soon as it meets anything else (anchors, tags, flow content, multi-line
 * flow scalars, merge keys, duplicate keys, tabs, errors…), so the general path decides.
 *
 * @module
 */
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { parseBlockHeader, scanBlockScalar } from './block-scalar-scan.js';
import { setEntry } from './composer.js';
import { parseFlowCollection } from './fast-flow.js';
import { indentOf, inlineScalar, isDash, restIsEmpty } from './fast-scalars.js';
import { scalarKeyV3 } from './map-keys.js';
import { YAML_LIMITS } from './limits.js';
import { CONTROL_CHARACTERS } from './parse-documents.js';
import { scalarValue, type ScalarLike } from './scalar-value.js';

/** Thrown internally to abandon the fast path. */
const BAIL = Symbol('bail');

/**
 * What sends a whole document to the general parser: tabs, CR, the other YAML 1.1 line
 * breaks, BOMs, and document markers after the first line. (Anchors, aliases, tags,
 * directives and flow content are refused where they start a node.)
 */
const UNSUPPORTED = /[\t\r\u0085\u2028\u2029\uFEFF]|^\.\.\.|\n(?:\.\.\.|---)/;

class FastParser {
  private i = 0;
  /** Open block collections; past the limit the general path reports the error. */
  private depth = 0;

  constructor(private readonly lines: string[]) {}

  /** Index of the next line with content (not blank, not only a comment), from `i`. */
  private nextContent(i = this.i): number {
    for (; i < this.lines.length; i++) {
      const line = this.lines[i] ?? '';
      const n = indentOf(line);
      if (n < line.length && line.charCodeAt(n) !== 0x23) return i;
    }
    return i;
  }

  document(): YamlValue {
    this.i = this.nextContent(0);
    const line = this.lines[this.i];
    if (line === undefined) throw BAIL;
    const v = this.block(indentOf(line), -1, true);
    if (this.nextContent() < this.lines.length) throw BAIL;
    return v;
  }

  /** A block collection whose first entry is on line `this.i` at column `indent`. */
  private block(indent: number, parentIndent: number, top = false): YamlValue {
    const line = this.lines[this.i] ?? '';
    if (indent <= parentIndent || this.depth >= YAML_LIMITS.maxDepth) throw BAIL;
    this.depth++;
    try {
      return isDash(line, indent) ? this.sequence(indent) : this.mapping(indent, top);
    } finally {
      this.depth--;
    }
  }

  private sequence(indent: number): YamlValue[] {
    const out: YamlValue[] = [];
    for (;;) {
      const li = this.nextContent();
      const line = this.lines[li];
      if (line === undefined || indentOf(line) !== indent || !isDash(line, indent)) break;
      this.i = li;
      const start = indentOf(line, indent + 1);
      if (start >= line.length || restIsEmpty(line, start)) {
        this.i++;
        out.push(this.nested(indent, false));
        continue;
      }
      if (isDash(line, start) || this.isKeyLine(line, start)) {
        // Compact nested collection: re-read the rest of the line as if it started there.
        this.lines[li] = ' '.repeat(start) + line.slice(start);
        out.push(this.block(start, indent));
      } else {
        out.push(this.inlineValue(line, start, indent));
      }
    }
    return out;
  }

  private isKeyLine(line: string, start: number): boolean {
    const k = inlineScalar(line, start, true);
    if (k === undefined) return false;
    let j = k.end;
    while (line.charCodeAt(j) === 0x20) j++;
    return (
      line.charCodeAt(j) === 0x3a && (j + 1 === line.length || line.charCodeAt(j + 1) === 0x20)
    );
  }

  private mapping(indent: number, top: boolean): YamlMap {
    const out: YamlMap = {};
    const seen = new Set<string>();
    for (;;) {
      const li = this.nextContent();
      const line = this.lines[li];
      if (line === undefined || indentOf(line) !== indent) break;
      if (isDash(line, indent)) break;
      this.i = li;
      const k = inlineScalar(line, indent, true);
      if (k === undefined || k.text.length > 1000) throw BAIL;
      let j = k.end;
      while (line.charCodeAt(j) === 0x20) j++;
      if (line.charCodeAt(j) !== 0x3a || (j + 1 < line.length && line.charCodeAt(j + 1) !== 0x20))
        throw BAIL;
      if (k.type === 'PLAIN' && k.text === '<<') throw BAIL;
      let key: string | undefined;
      try {
        key = scalarKeyV3({ value: k.text, type: k.type }, top);
      } catch {
        throw BAIL;
      }
      if (key === undefined || seen.has(key)) throw BAIL;
      seen.add(key);
      const vstart = indentOf(line, j + 1);
      if (vstart >= line.length || restIsEmpty(line, vstart)) {
        this.i++;
        setEntry(out, key, this.nested(indent, true));
      } else {
        setEntry(out, key, this.inlineValue(line, vstart, indent));
      }
    }
    return out;
  }

  /** The value of an entry whose content starts on the next line (or is empty). */
  private nested(indent: number, inMapping: boolean): YamlValue {
    const li = this.nextContent();
    const line = this.lines[li];
    if (line === undefined) return null;
    const n = indentOf(line);
    if (n > indent || (inMapping && n === indent && isDash(line, n))) {
      this.i = li;
      return n === indent ? this.sequence(n) : this.block(n, indent);
    }
    return null;
  }

  /** A scalar, `{}` or `[]` written after `key: ` or `- ` on line `this.i`. */
  private inlineValue(line: string, start: number, indent: number): YamlValue {
    const c = line[start];
    if (c === '|' || c === '>') {
      const header = parseBlockHeader(line.slice(start));
      if (header === undefined) throw BAIL;
      const scan = scanBlockScalar(this.lines, this.i + 1, header, indent);
      if (scan === undefined) throw BAIL;
      this.i = scan.next;
      return scalarValue('v3', {
        value: scan.value,
        type: header.literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED',
      });
    }
    let v: YamlValue;
    let end: number;
    if (c === '{' || c === '[') {
      const flow = parseFlowCollection(line, start);
      if (flow === undefined) throw BAIL;
      ({ value: v, end } = flow);
    } else {
      const s = inlineScalar(line, start, false);
      if (s === undefined) throw BAIL;
      const node: ScalarLike = { value: s.text, type: s.type };
      try {
        v = scalarValue('v3', node);
      } catch {
        throw BAIL;
      }
      end = s.end;
    }
    if (!restIsEmpty(line, end)) throw BAIL;
    this.i++;
    // A more-indented line after a scalar would continue it (multi-line plain) or be an error.
    const li = this.nextContent();
    const next = this.lines[li];
    if (next !== undefined && indentOf(next) > indent) throw BAIL;
    return v;
  }
}

/**
 * Parses one document chunk with the fast path: its value, or `undefined` when the chunk
 * uses anything beyond plain block YAML (the caller then uses the general parser).
 */
export function parseFastDocument(text: string): YamlValue | undefined {
  if (UNSUPPORTED.test(text) || CONTROL_CHARACTERS.test(text)) return undefined;
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (first.startsWith('---')) {
    if (!/^---(?: +(?:#.*)?)?$/.test(first)) return undefined;
    lines[0] = '';
  }
  try {
    return new FastParser(lines).document();
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}
