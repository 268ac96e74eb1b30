/**
 * Single-line flow collections (`[a, "b"]`, `{key: app, values: [x, y]}`) for the fast
 * block parser. Anything beyond simple scalars, nested flow collections and `key: value`
 * pairs returns `undefined`, sending the document to the general parser.
 *
 * @module
 */
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { setEntry } from './composer.js';
import { inlineScalar } from './fast-scalars.js';
import { scalarKeyV3 } from './map-keys.js';
import { scalarValue } from './scalar-value.js';

/** A parsed flow collection and the index just after its closing bracket. */
export interface FlowResult {
  readonly value: YamlValue;
  readonly end: number;
}

const skip = (line: string, i: number): number => {
  while (line.charCodeAt(i) === 0x20) i++;
  return i;
};

/** A plain scalar in flow context; refuses `:`, `?` and `#` which need the full rules. */
function flowPlain(line: string, start: number): { text: string; end: number } | undefined {
  const c = line[start];
  if (c === undefined || '#,[]{}&*!|>\'"%@`?:'.includes(c)) return undefined;
  if (c === '-' && ' ,]}'.includes(line[start + 1] ?? ' ')) return undefined;
  let i = start;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === ',' || ch === ']' || ch === '}') break;
    if (ch === '[' || ch === '{' || ch === ':' || ch === '?' || ch === '#') return undefined;
  }
  let end = i;
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  return end > start ? { text: line.slice(start, end), end } : undefined;
}

/** A flow scalar, sequence or mapping starting at `start`. */
function flowNode(line: string, start: number, depth: number): FlowResult | undefined {
  const c = line[start];
  if (c === '[' || c === '{') return parseFlowCollection(line, start, depth + 1);
  if (c === '"' || c === "'") {
    const s = inlineScalar(line, start, false);
    return s === undefined ? undefined : { value: s.text, end: s.end };
  }
  const p = flowPlain(line, start);
  if (p === undefined) return undefined;
  try {
    return { value: scalarValue('v3', { value: p.text, type: 'PLAIN' }, true), end: p.end };
  } catch {
    return undefined;
  }
}

function flowKey(line: string, start: number): { key: string; end: number } | undefined {
  const c = line[start];
  let text: string;
  let type: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
  let end: number;
  if (c === '"' || c === "'") {
    const s = inlineScalar(line, start, false);
    if (s === undefined) return undefined;
    ({ text, type, end } = s);
  } else {
    let i = start;
    while (i < line.length && !': ,[]{}#?'.includes(line[i] ?? '')) i++;
    if (i === start || line[i] !== ':') return undefined;
    [text, type, end] = [line.slice(start, i), 'PLAIN', i];
  }
  if (line[end] !== ':' || line[end + 1] !== ' ') return undefined;
  try {
    const key = scalarKeyV3({ value: text, type }, false);
    return key === undefined ? undefined : { key, end: end + 1 };
  } catch {
    return undefined;
  }
}

/** Deeper single-line flow collections go to the general parser (and its depth limit). */
const MAX_FAST_FLOW_DEPTH = 64;

/**
 * Parses `[…]` or `{…}` starting at `start` on one line, with yaml.v3 + kyaml semantics for
 * the scalars inside (see `scalarValue`'s flow rules). `depth` counts the enclosing flow
 * collections.
 */
export function parseFlowCollection(
  line: string,
  start: number,
  depth = 0,
): FlowResult | undefined {
  if (depth > MAX_FAST_FLOW_DEPTH) return undefined;
  const isMap = line[start] === '{';
  const close = isMap ? '}' : ']';
  const seq: YamlValue[] = [];
  const map: YamlMap = {};
  const seen = new Set<string>();
  let i = skip(line, start + 1);
  while (line[i] !== close) {
    let node: FlowResult | undefined;
    if (isMap) {
      const k = flowKey(line, i);
      if (k === undefined || seen.has(k.key) || k.key === '<<') return undefined;
      node = flowNode(line, skip(line, k.end), depth);
      if (node === undefined) return undefined;
      seen.add(k.key);
      setEntry(map, k.key, node.value);
    } else {
      node = flowNode(line, i, depth);
      if (node === undefined) return undefined;
      seq.push(node.value);
    }
    i = skip(line, node.end);
    if (line[i] === ',') i = skip(line, i + 1);
    else if (line[i] !== close) return undefined;
  }
  return { value: isMap ? map : seq, end: i + 1 };
}
