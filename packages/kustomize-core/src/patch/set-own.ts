import type { YamlMap, YamlValue } from '@kustomate/resource';

/**
 * Sets `map[key]` as an own enumerable property, also for the key `__proto__` (which a
 * plain assignment would turn into a prototype change).
 */
export function setOwn(map: YamlMap, key: string, value: YamlValue): void {
  if (key === '__proto__') {
    Object.defineProperty(map, key, {
      value,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  } else {
    map[key] = value;
  }
}

/** A deep copy of a YAML value that keeps `__proto__` keys as data. */
export function cloneOwn<T extends YamlValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneOwn(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: YamlMap = {};
    for (const key of Object.keys(value))
      setOwn(out, key, cloneOwn((value as YamlMap)[key] as YamlValue));
    return out as T;
  }
  return value;
}
