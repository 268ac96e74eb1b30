import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/** A YAML node kind as yaml.v3 names them. */
export type NodeKind = 'MappingNode' | 'SequenceNode' | 'ScalarNode';

/** kyaml `IsMissingOrNull`: absent, or tagged `!!null`. */
export function isMissingOrNull(node: YamlValue | undefined): node is null | undefined {
  return node === undefined || node === null;
}

/** kyaml `IsEmptyMap`: missing, null or a mapping without entries. */
export function isEmptyMap(node: YamlValue | undefined): boolean {
  return isMissingOrNull(node) || (isYamlMap(node) && Object.keys(node).length === 0);
}

/** kyaml `IsNilOrEmpty` of a field value: missing, null, `{}` or `[]`. */
export function isNilOrEmpty(node: YamlValue | undefined): boolean {
  if (isEmptyMap(node)) return true;
  return Array.isArray(node) && node.length === 0;
}

/** The yaml.v3 kind of a present, non-null node. */
export function kindOf(node: YamlValue): NodeKind {
  if (Array.isArray(node)) return 'SequenceNode';
  if (isYamlMap(node)) return 'MappingNode';
  return 'ScalarNode';
}

/**
 * yaml.v3 `Node.Value`: the scalar's text (`null` for null; the model keeps no source text,
 * so numbers print in their canonical form), `""` for mappings and sequences.
 */
export function scalarText(node: YamlValue | undefined): string {
  if (node === undefined || Array.isArray(node) || isYamlMap(node)) return '';
  if (node === null) return 'null';
  return String(node);
}

/** kyaml `RNode.Field(name).Value`: the field's value, `undefined` when absent or not a map. */
export function fieldOf(node: YamlValue | undefined, name: string): YamlValue | undefined {
  if (!isYamlMap(node) || !Object.hasOwn(node, name)) return undefined;
  return node[name];
}

/** Go's `sort.Strings` order (UTF-8 bytes, i.e. code points). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const pa = ca.value.codePointAt(0) ?? 0;
    const pb = cb.value.codePointAt(0) ?? 0;
    if (pa !== pb) return pa - pb;
  }
}

const INT_RE = /^[-+]?(?:0|[1-9][0-9]*)$/;
const FLOAT_RE = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * The value an untagged plain scalar with this text resolves to when the result is printed
 * and read back (kyaml `NewScalarRNode`): null, booleans, numbers, else the string.
 */
export function resolvePlainScalar(text: string): YamlValue {
  if (text === '' || text === '~' || /^(?:null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (INT_RE.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : BigInt(text);
  }
  if (FLOAT_RE.test(text)) return Number(text);
  return text;
}

/** The error kyaml raises when a node does not have the kind an operation expects. */
export function wrongKind(expected: NodeKind, node: YamlValue): KustomizeError {
  const contents = JSON.stringify(node, bigintSafe);
  return new KustomizeError(
    'InvalidPatch',
    `wrong node kind: expected ${expected} but got ${kindOf(node)}: node contents:\n${contents}`,
    { data: { expected, actual: kindOf(node) } },
  );
}

function bigintSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Throws {@link wrongKind} unless `node` is missing, null or of kind `expected`. */
export function assertKind(node: YamlValue | undefined, expected: NodeKind): void {
  if (isMissingOrNull(node)) return;
  if (kindOf(node) !== expected) throw wrongKind(expected, node);
}
