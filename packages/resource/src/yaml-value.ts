/**
 * The plain data model every Kustomate package uses for Kubernetes objects: what a YAML
 * document means once its scalars are resolved, independent of the text it came from.
 *
 * - strings, booleans and `null` are themselves;
 * - numbers are JavaScript numbers (IEEE-754 doubles, as Go's `float64`), except integers
 *   written in the source that a double cannot hold exactly, which are `bigint` so that
 *   `12345678901234567890` survives a build unchanged;
 * - mappings are plain objects with string keys; sequences are arrays.
 */
export type YamlScalar = null | boolean | number | bigint | string;

/** A resolved YAML value: a scalar, a sequence or a mapping. */
export type YamlValue = YamlScalar | YamlValue[] | YamlMap;

/** A YAML mapping with string keys. */
export interface YamlMap {
  [key: string]: YamlValue;
}

/** True when `value` is a mapping (a plain object, not an array and not `null`). */
export function isYamlMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` is a sequence. */
export function isYamlSeq(value: unknown): value is YamlValue[] {
  return Array.isArray(value);
}

/** True when `value` is a scalar (neither a mapping nor a sequence). */
export function isYamlScalar(value: unknown): value is YamlScalar {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** A deep copy of a YAML value. */
export function cloneYaml<T extends YamlValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneYaml(v)) as T;
  if (isYamlMap(value)) {
    const out: YamlMap = {};
    for (const key of Object.keys(value)) out[key] = cloneYaml(value[key] as YamlValue);
    return out as T;
  }
  return value;
}

/** Structural equality of two YAML values (map key order ignored, sequence order kept). */
export function yamlEqual(a: YamlValue | undefined, b: YamlValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => yamlEqual(v, b[i]));
  }
  if (isYamlMap(a)) {
    if (!isYamlMap(b)) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && yamlEqual(a[k], b[k]));
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return (typeof a === 'bigint' || typeof a === 'number') &&
      (typeof b === 'bigint' || typeof b === 'number')
      ? Number(a) === Number(b) && String(a) === String(b)
      : false;
  }
  return false;
}
