import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { typeName } from './fields.js';

/**
 * What is wrong with the shape of an object before any status rule reads it, or undefined
 * when it is a map with a string `kind` and map-valued `metadata` and `status` (when
 * present). Deeper problems (a `status.conditions` that is not a list, a string generation)
 * are found by the rules themselves.
 *
 * @example
 * ```ts
 * shapeProblem({ apiVersion: 'v1', metadata: { name: 'x' } }); // 'object has no kind'
 * shapeProblem({ apiVersion: 'v1', kind: 'Pod', status: 'Running' });
 * // 'status: expected a map, got string'
 * ```
 */
export function shapeProblem(object: YamlValue | undefined): string | undefined {
  if (!isYamlMap(object)) {
    return `object: expected a map, got ${object === undefined ? 'undefined' : typeName(object)}`;
  }
  const kind = object['kind'];
  if (kind === undefined || kind === null || kind === '') return 'object has no kind';
  if (typeof kind !== 'string') return `kind: expected a string, got ${typeName(kind)}`;
  return fieldProblem(object, 'metadata') ?? fieldProblem(object, 'status');
}

function fieldProblem(object: YamlMap, key: string): string | undefined {
  const v = object[key];
  if (v === undefined || v === null || isYamlMap(v)) return undefined;
  return `${key}: expected a map, got ${typeName(v)}`;
}
