import { formatObjectRef, isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { HealthCheckError } from './errors.js';

/** The value at `path` under `obj`, or undefined when any step is missing or not a map. */
export function fieldAt(obj: YamlMap, path: readonly string[]): YamlValue | undefined {
  let cur: YamlValue | undefined = obj;
  for (const key of path) {
    if (!isYamlMap(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** An integer field as a number; `fallback` when missing or not an integer (kstatus GetIntField). */
export function intField(obj: YamlMap, path: readonly string[], fallback: number): number {
  const v = fieldAt(obj, path);
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' && Number.isInteger(v) ? v : fallback;
}

/** A string field; `fallback` when missing or not a string (kstatus GetStringField). */
export function stringField(obj: YamlMap, path: readonly string[], fallback: string): string {
  const v = fieldAt(obj, path);
  return typeof v === 'string' ? v : fallback;
}

/** The object's name for error locations: `apps/v1 Deployment ns/name`. */
export function describeObject(obj: YamlMap): string {
  return formatObjectRef({
    apiVersion: stringField(obj, ['apiVersion'], ''),
    kind: stringField(obj, ['kind'], ''),
    namespace: stringField(obj, ['metadata', 'namespace'], ''),
    name: stringField(obj, ['metadata', 'name'], ''),
  });
}

/**
 * An integer field that must be an integer when present (apimachinery NestedInt64):
 * undefined when missing, a {@link HealthCheckError} `InvalidStatusField` when another type.
 */
export function strictIntField(obj: YamlMap, path: readonly string[]): number | undefined {
  const v = fieldAt(obj, path);
  if (v === undefined) return undefined;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  const field = path.join('.');
  throw new HealthCheckError(
    'InvalidStatusField',
    `${field} accessor error: ${JSON.stringify(v)} is of the type ${typeName(v)}, expected int64`,
    { location: { object: describeObject(obj), field } },
  );
}

/** Go-ish type names for messages. */
export function typeName(v: YamlValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '[]interface {}';
  if (isYamlMap(v)) return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return typeof v === 'bigint' ? 'int64' : typeof v;
}
