import { isYamlMap, type YamlValue } from '@kustomate/resource';
import { KustomizeError } from '../errors.js';

/** yaml.v3 node kind names as kyaml prints them. */
export function nodeKindName(value: YamlValue | undefined): string {
  if (Array.isArray(value)) return 'SequenceNode';
  if (isYamlMap(value)) return 'MappingNode';
  return 'ScalarNode';
}

function contents(value: YamlValue | undefined): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** kyaml `InvalidNodeKindError`: "wrong node kind: expected X but got Y: node contents: …". */
export function wrongNodeKind(
  expected: 'MappingNode' | 'ScalarNode' | 'SequenceNode',
  value: YamlValue | undefined,
): KustomizeError {
  return new KustomizeError(
    'InvalidFieldSpec',
    `wrong node kind: expected ${expected} but got ${nodeKindName(value)}: node contents:\n${contents(value)}`,
  );
}

/** kyaml `ErrorIfInvalid(node, ScalarNode)`: null and scalars pass, maps and lists throw. */
export function requireScalar(value: YamlValue | undefined): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value) || isYamlMap(value)) throw wrongNodeKind('ScalarNode', value);
}
