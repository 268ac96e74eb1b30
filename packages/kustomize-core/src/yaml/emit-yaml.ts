/**
 * Printing resources exactly as `kubectl kustomize` does: Go's `encoding/json` of the
 * object, then `sigs.k8s.io/yaml.JSONToYAML` (yaml.v2 decode + encode). This walks the value
 * the way yaml.v2's encoder and emitter do: sorted keys, block collections, flow `{}`/`[]`
 * for empty ones, and scalar styles chosen per libyaml's rules.
 *
 * @module
 */
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';
import { formatYamlNumber } from './format-number.js';
import { compareYamlV2Keys } from './key-order.js';
import { isPlainSafeV2 } from './resolve.js';
import { keyThroughGoJson, throughGoJson } from './json-transport.js';
import { analyzeScalar } from './scalar-analysis.js';
import { writeDoubleQuoted, writeLiteral } from './v2-scalar-writers.js';
import { V2Writer } from './v2-writer.js';

/**
 * Identifier-like strings (no spaces, quotes, indicators or special characters, not starting
 * with `-` or `.`): libyaml allows them plain, and they need no escaping or folding.
 */
const SIMPLE = /^[A-Za-z0-9_/][A-Za-z0-9_./-]*$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Go's JSON encoder turns invalid UTF-8 into U+FFFD; lone surrogates are our equivalent. */
function wellFormed(s: string): string {
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, '\uFFFD') : s;
}

/** UTF-8 length of `s`, at least up to `limit` (enough for the simple-key test). */
function utf8Length(s: string, limit: number): number {
  if (s.length > limit) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

class DocumentEmitter {
  readonly w = new V2Writer();

  node(v: YamlValue, mapping: boolean): void {
    if (v === null) return this.plain('null');
    switch (typeof v) {
      case 'string':
        return this.string(v, false);
      case 'boolean':
        return this.plain(v ? 'true' : 'false');
      case 'number':
      case 'bigint':
        return this.plain(formatYamlNumber(v));
    }
    if (Array.isArray(v)) return this.sequence(v, mapping);
    if (isYamlMap(v)) return this.mapping(v);
    throw new KustomizeError('Output', `json: unsupported type: ${typeof v}`);
  }

  /** A non-string scalar: always plain, never folded (it has no spaces). */
  private plain(text: string): void {
    const w = this.w;
    w.increaseIndent(true, false);
    w.writePlain(text, false);
    w.popIndent();
  }

  /** A string scalar, styled as yaml.v2's `stringv` requests and libyaml's analysis allows. */
  string(raw: string, simpleKey: boolean): void {
    const w = this.w;
    if (SIMPLE.test(raw)) {
      // Identifier-like text: nothing to escape, fold or analyse; only YAML 1.1 typing matters.
      w.increaseIndent(true, false);
      if (isPlainSafeV2(raw)) w.writePlain(raw, false);
      else writeDoubleQuoted(w, raw, false);
      w.popIndent();
      return;
    }
    const s = throughGoJson(wellFormed(raw));
    const a = analyzeScalar(s);
    let style: 'plain' | 'single' | 'double' | 'literal' = s.includes('\n')
      ? 'literal'
      : isPlainSafeV2(s)
        ? 'plain'
        : 'double';
    if (simpleKey && a.multiline) style = 'double';
    if (style === 'plain' && (!a.plainAllowed || (s.length === 0 && simpleKey))) style = 'single';
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    w.increaseIndent(true, false);
    if (style === 'plain') w.writePlain(s, !simpleKey);
    else if (style === 'single') w.writeSingleQuoted(s, !simpleKey);
    else if (style === 'double') writeDoubleQuoted(w, s, !simpleKey);
    else writeLiteral(w, s);
    w.popIndent();
  }

  private sequence(items: YamlValue[], mapping: boolean): void {
    const w = this.w;
    if (items.length === 0) {
      w.writeIndicator('[', true, true, false);
      w.writeIndicator(']', false, false, false);
      return;
    }
    w.increaseIndent(false, mapping && !w.indention);
    for (const item of items) {
      w.writeIndent();
      w.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    w.popIndent();
  }

  private mapping(map: YamlMap): void {
    const w = this.w;
    const keys = Object.keys(map);
    if (keys.length === 0) {
      w.writeIndicator('{', true, true, false);
      w.writeIndicator('}', false, false, false);
      return;
    }
    if (keys.length > 1) keys.sort(compareYamlV2Keys);
    w.increaseIndent(false, false);
    for (const key of keys) {
      w.writeIndent();
      const simple = SIMPLE.test(key);
      const k = simple ? key : keyThroughGoJson(wellFormed(key));
      if (
        simple ? k.length <= 128 : !/[\n\r\u0085\u2028\u2029]/.test(k) && utf8Length(k, 128) <= 128
      ) {
        this.string(k, true);
        w.writeIndicator(':', false, false, false);
      } else {
        w.writeIndicator('?', true, false, true);
        this.string(k, false);
        w.writeIndent();
        w.writeIndicator(':', true, false, true);
      }
      this.node(map[key] as YamlValue, true);
    }
    w.popIndent();
  }

  finish(): string {
    this.w.writeIndent();
    return this.w.text();
  }
}

/**
 * The YAML text kustomize prints for one value (normally one resource): keys sorted with
 * {@link compareYamlV2Keys}, strings quoted and folded at 80 columns like yaml.v2, numbers
 * re-formatted as Go prints them, block sequences not indented under their key.
 *
 * @throws KustomizeError `Output` for values JSON cannot hold (NaN, infinities).
 *
 * @example
 * ```ts
 * emitYaml({ kind: 'ConfigMap', data: { a: 'yes', b: '' } })
 * // 'data:\n  a: "yes"\n  b: ""\nkind: ConfigMap\n'
 * ```
 */
export function emitYaml(value: YamlValue): string {
  const e = new DocumentEmitter();
  e.node(value, false);
  return e.finish();
}

/**
 * The output of a build: each object printed with {@link emitYaml}, joined with `---\n`
 * (no leading or trailing separator; no objects → empty string).
 */
export function emitResources(objects: readonly YamlMap[]): string {
  return objects.map((o) => emitYaml(o)).join('---\n');
}
