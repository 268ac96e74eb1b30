/**
 * Mapping keys and merge keys as the two decoders kustomize uses treat them.
 *
 * - yaml.v3 into `map[string]interface{}` (resources): a top-level key becomes its scalar
 *   text whatever it resolves to (`1: x` → `"1"`); a nested mapping whose keys are not all
 *   strings decodes to `map[interface{}]interface{}`, which Go's JSON encoder rejects.
 * - yaml.v2 + `sigs.k8s.io/yaml.YAMLToJSON` (kustomization files): keys are resolved, then
 *   ints, floats (printed as float32) and booleans are turned into strings; null and uint64
 *   keys are errors.
 *
 * @module
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { resolveScalarNode, scalarText, shortTag, type ScalarLike } from './scalar-value.js';
import { formatGoFloat32 } from './go-strconv.js';

/** True for a `<<` key that go-yaml treats as a merge (plain, or tagged `!!merge`). */
export function isMergeKey(node: unknown): boolean {
  if (!isScalar(node)) return false;
  const tag = shortTag(node.tag);
  if (tag === '!!merge') return true;
  return tag === '' && node.type === 'PLAIN' && scalarText(node) === '<<';
}

const NOT_A_STRING = 'json: unsupported type: map[interface {}]interface {}';

/**
 * The string key yaml.v3 + kyaml give `node`, or `undefined` for a non-merge `"<<"` key
 * (kyaml deletes every field named `<<` while expanding merges). Throws for null keys,
 * collection keys, and (below the top level) keys that do not resolve to strings.
 */
export function mapKeyV3(node: unknown, top: boolean): string | undefined {
  if (!isScalar(node)) {
    const kind = isSeq(node) ? '!!seq' : isMap(node) ? '!!map' : 'node';
    throw new Error(
      top ? `cannot unmarshal ${kind} into string` : `${NOT_A_STRING} (a ${kind} key)`,
    );
  }
  return scalarKeyV3(node, top);
}

/** {@link mapKeyV3} for a key known to be a scalar. */
export function scalarKeyV3(node: ScalarLike, top: boolean): string | undefined {
  const r = resolveScalarNode('v3', node);
  const text = r.tag === '!!binary' ? (r.value as string) : scalarText(node);
  if (text === '<<') return undefined;
  if (r.tag === '!!null') throw new Error(`mapping key ${JSON.stringify(text)} is null`);
  if (!top && r.tag !== '!!str') {
    throw new Error(`${NOT_A_STRING} (mapping key ${JSON.stringify(text)} is a ${r.tag})`);
  }
  return text;
}

/** The string key `sigs.k8s.io/yaml.YAMLToJSON` makes of `node` (yaml.v2 resolution). */
export function mapKeyV2(node: unknown): string {
  if (!isScalar(node)) throw new Error('invalid map key: a collection cannot be a key');
  const r = resolveScalarNode('v2', node);
  switch (r.tag) {
    case '!!null':
      throw new Error('unsupported map key of type: <nil>');
    case '!!bool':
      return r.value ? 'true' : 'false';
    case '!!int': {
      const v = r.value as bigint;
      if (v > 0x7fffffffffffffffn)
        throw new Error(`unsupported map key of type: uint64, key: ${v}`);
      return String(v);
    }
    case '!!float': {
      const f = r.value as number;
      if (Number.isNaN(f)) return '.nan';
      if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
      return formatGoFloat32(f);
    }
    case '!!timestamp':
      return scalarText(node as Scalar);
    default:
      return String(r.value);
  }
}

/**
 * The mappings a merge key's value names, in the order written: a mapping, an alias of one,
 * or a sequence of those. `convert` turns a node into its value (expanding aliases).
 */
export function mergeSources(
  host: { target(name: string, at: Node): Node; error(node: unknown, message: string): Error },
  value: unknown,
  convert: (node: unknown) => YamlValue,
): YamlMap[] {
  const one = (node: unknown, inSeq: boolean): YamlMap => {
    if (isAlias(node)) {
      if (!isMap(host.target(node.source, node))) {
        throw host.error(node, 'invalid map merge: received alias for a non-map value');
      }
    } else if (isSeq(node) && inSeq) {
      throw host.error(node, 'invalid map merge: received a nested sequence');
    } else if (!isMap(node)) {
      throw host.error(node, 'map merge requires map or sequence of maps as the value');
    }
    const v = convert(node);
    if (!isYamlMap(v))
      throw host.error(node, 'map merge requires map or sequence of maps as the value');
    return v;
  };
  if (isSeq(value)) {
    if (value.anchor) convert(value); // register the anchor in document order
    return value.items.map((item) => one(item, true));
  }
  return [one(value, false)];
}
