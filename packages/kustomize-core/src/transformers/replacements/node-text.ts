/**
 * How kyaml sees a value as a YAML node: its kind, the raw text of a scalar (`Node.Value`),
 * and an approximation of `RNode.String()` used in list-matcher comparisons and error
 * messages.
 *
 * @module
 */
import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { resolveScalar } from '../../yaml/resolve.js';

/** The yaml.v3 node kind of a value. */
export type NodeKind = 'MappingNode' | 'SequenceNode' | 'ScalarNode';

/** The node kind of `v`. */
export function nodeKind(v: YamlValue): NodeKind {
  if (Array.isArray(v)) return 'SequenceNode';
  if (isYamlMap(v)) return 'MappingNode';
  return 'ScalarNode';
}

/** True for scalars (including `null`). */
export function isScalarValue(v: YamlValue): v is null | boolean | number | bigint | string {
  return v === null || typeof v !== 'object';
}

/**
 * The `Value` text of a node: a scalar's text (numbers in their shortest form, `null` as
 * `null`), `''` for mappings and sequences.
 */
export function scalarText(v: YamlValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return '';
  return String(v);
}

function quoteString(s: string): string {
  return JSON.stringify(s);
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
}

const SIMPLE_WORD = /^[A-Za-z][A-Za-z0-9_./-]*$/;
const RESERVED_WORDS = new Set([
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'null',
  'Null',
  'NULL',
]);

function isPlainSafe(s: string): boolean {
  if (SIMPLE_WORD.test(s)) return !RESERVED_WORDS.has(s);
  if (s === '' || s.trim() !== s || hasControl(s)) return false;
  if (resolveScalar('v3', '', s).tag !== '!!str') return false;
  if (/^[[\]{}#&*!|>'"%@`,]/.test(s)) return false;
  if (/^[-?:](\s|$)/.test(s)) return false;
  return !s.includes(': ') && !s.includes(' #') && !s.endsWith(':');
}

function scalarYaml(v: null | boolean | number | bigint | string): string {
  if (typeof v === 'string') return isPlainSafe(v) ? v : quoteString(v);
  return scalarText(v);
}

function encodeLines(v: YamlValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push(`${indent}[]`);
      return;
    }
    for (const item of v) {
      const sub: string[] = [];
      encodeLines(item, '', sub);
      if (!isScalarValue(item) && sub.length > 0 && !(sub[0] === '[]' || sub[0] === '{}')) {
        out.push(`${indent}- ${sub[0] as string}`);
        for (const line of sub.slice(1)) out.push(`${indent}  ${line}`);
      } else {
        out.push(`${indent}- ${sub[0] ?? ''}`);
      }
    }
    return;
  }
  if (isYamlMap(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0) {
      out.push(`${indent}{}`);
      return;
    }
    for (const k of keys) {
      const val = v[k] as YamlValue;
      const key = scalarYaml(k);
      if (isScalarValue(val)) {
        out.push(`${indent}${key}: ${scalarYaml(val)}`);
        continue;
      }
      const empty = Array.isArray(val) ? val.length === 0 : Object.keys(val).length === 0;
      if (empty) {
        out.push(`${indent}${key}: ${Array.isArray(val) ? '[]' : '{}'}`);
        continue;
      }
      out.push(`${indent}${key}:`);
      encodeLines(val, `${indent}  `, out);
    }
    return;
  }
  out.push(`${indent}${scalarYaml(v)}`);
}

/** An approximation of kyaml's `RNode.String()`: block YAML with a trailing newline. */
export function nodeString(v: YamlValue): string {
  const lines: string[] = [];
  encodeLines(v, '', lines);
  return `${lines.join('\n')}\n`;
}

/** kyaml `ErrorIfInvalid`'s error when a node has the wrong kind. */
export function wrongKindError(expected: NodeKind, v: YamlValue): Error {
  return new Error(
    `wrong node kind: expected ${expected} but got ${nodeKind(v)}: node contents:\n${nodeString(v)}`,
  );
}
