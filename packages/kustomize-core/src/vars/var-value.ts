/**
 * Reading a var's value (kyaml `RNode.GetFieldValue`) and turning it into an expansion
 * (`MappingFuncFor`, `updateNodeValue`).
 *
 * @module
 */
import type { YamlValue } from '@kustomate/resource';
import { formatGoFloat } from '../yaml/go-strconv.js';
import { convertSliceIndex, smarterPathSplitter } from '../transformers/replacements/field-path.js';
import { lookupPath } from '../transformers/replacements/lookup-path.js';
import { syntaxWrap, type Expansion } from './expand.js';

/** A var's value as kustomize's Go code holds it. */
export type VarValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  /** A mapping or sequence: references to it stay unexpanded. */
  | { readonly kind: 'other'; readonly value: YamlValue };

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * The value at `fieldPath` (`.`-separated, `[a.b]` keys, `ports[0]` and `ports.0` indexes,
 * `[name=x]` matchers) in `object`, typed as `GetFieldValue` types it. `null` reads as the
 * string `null`. Throws when the field is missing or unreadable.
 */
export function readVarValue(object: YamlValue, fieldPath: string): VarValue {
  const found = lookupPath(object, convertSliceIndex(smarterPathSplitter(fieldPath, '.')));
  if (found === undefined) throw new Error(`no field named '${fieldPath}'`);
  if (found === null) return { kind: 'string', value: 'null' };
  switch (typeof found) {
    case 'string':
      return { kind: 'string', value: found };
    case 'boolean':
      return { kind: 'bool', value: found };
    case 'bigint':
      // strconv.Atoi fails beyond int64.
      if (found < INT64_MIN || found > INT64_MAX) throw new Error(`value out of range: ${found}`);
      return { kind: 'int', value: found };
    case 'number':
      return Number.isInteger(found)
        ? { kind: 'int', value: found }
        : { kind: 'float', value: found };
    default:
      return { kind: 'other', value: found };
  }
}

/** Go's `%v` of a value decoded into `interface{}` (maps print with sorted keys). */
export function formatGoValue(v: YamlValue): string {
  if (v === null) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(formatGoValue).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${formatGoValue(v[k] as YamlValue)}`).join(' ')}]`;
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return formatGoFloat(v);
  return String(v);
}

/** kustomize's log line for a var whose value is not a primitive (`MakePrimitiveReplacer`). */
export function badReplacementWarning(value: YamlValue): string {
  const type = Array.isArray(value) ? '[]interface {}' : 'map[string]interface {}';
  return `MakePrimitiveReplacer: bad replacement type=${type} val=${formatGoValue(value)}`;
}

/** What `$(name)` expands to for a var of value `v` (`undefined`: no such var). */
export function expansionOf(name: string, v: VarValue | undefined): Expansion {
  if (v === undefined || v.kind === 'other')
    return { text: syntaxWrap(name), typed: syntaxWrap(name) };
  switch (v.kind) {
    case 'string':
      return { text: v.value, typed: v.value };
    case 'bool':
      return { text: String(v.value), typed: v.value };
    case 'int':
      return { text: String(v.value), typed: v.value };
    case 'float':
      return { text: formatGoFloat(v.value), typed: v.value };
  }
}
