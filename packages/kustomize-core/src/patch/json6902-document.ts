import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { setOwn } from './set-own.js';

/** An object or array of a JSON document that an operation reads or changes. */
export type JsonContainer = YamlMap | YamlValue[];

/** A failed JSON patch step; the message follows evanphx/json-patch v4's wording. */
export class JsonPatchStepError extends Error {}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** RFC 6901 unescaping of one pointer segment (`~1` → `/`, `~0` → `~`). */
function decodePointerSegment(segment: string): string {
  return segment.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** Go `strconv.Atoi`, throwing its error text. */
function parseIndex(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text)) {
    throw new JsonPatchStepError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  }
  const value = BigInt(text);
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    throw new JsonPatchStepError(
      `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`,
    );
  }
  return Number(value);
}

function invalidIndex(index: number): JsonPatchStepError {
  return new JsonPatchStepError(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
}

/** Normalises a negative index against `length` (evanphx `SupportNegativeIndices`). */
function fromEnd(index: number, length: number): number {
  if (index >= 0) return index;
  if (index < -length) throw invalidIndex(index);
  return index + length;
}

/**
 * evanphx `findObject`: the container holding the last segment of `path`, and that segment.
 * The first segment is skipped unread (so `a/b` addresses `/b`); null values and scalars
 * on the way count as missing.
 */
export function findContainer(
  root: JsonContainer,
  path: string,
): { container: JsonContainer; key: string } | undefined {
  const segments = path.split('/');
  if (segments.length < 2) return undefined;
  let container = root;
  for (const segment of segments.slice(1, -1)) {
    let next: YamlValue | undefined;
    try {
      next = getValue(container, decodePointerSegment(segment));
    } catch {
      return undefined;
    }
    if (Array.isArray(next) || isYamlMap(next)) container = next;
    else return undefined;
  }
  return { container, key: decodePointerSegment(segments[segments.length - 1] as string) };
}

/** evanphx `get`: a missing object key (or a null value) is `undefined`, not an error. */
export function getValue(container: JsonContainer, key: string): YamlValue | undefined {
  if (!Array.isArray(container)) return Object.hasOwn(container, key) ? container[key] : undefined;
  const index = fromEnd(parseIndex(key), container.length);
  if (index >= container.length) throw invalidIndex(index);
  return container[index];
}

/** evanphx `set` (used by `replace` after a successful {@link getValue}). */
export function setValue(container: JsonContainer, key: string, value: YamlValue): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  container[fromEnd(parseIndex(key), container.length)] = value;
}

/** evanphx `add`: sets an object key, or inserts into an array (`-` appends). */
export function addValue(container: JsonContainer, key: string, value: YamlValue): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  if (key === '-') {
    container.push(value);
    return;
  }
  let index: number;
  try {
    index = parseIndex(key);
  } catch (e) {
    throw new JsonPatchStepError(
      `value was not a proper array index: '${key}': ${(e as Error).message}`,
    );
  }
  if (index >= container.length + 1) throw invalidIndex(index);
  container.splice(fromEnd(index, container.length + 1), 0, value);
}

/** evanphx `remove`: a missing object key or out-of-range index is an error. */
export function removeValue(container: JsonContainer, key: string): void {
  if (!Array.isArray(container)) {
    if (!Object.hasOwn(container, key)) {
      throw new JsonPatchStepError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    }
    delete container[key];
    return;
  }
  const index = parseIndex(key);
  if (index >= container.length) throw invalidIndex(index);
  container.splice(fromEnd(index, container.length), 1);
}

/**
 * evanphx `lazyNode.equal`: objects by key set and values, arrays element by element,
 * scalars by their JSON text (so `1` equals `1.0`, and `"1"` does not equal `1`).
 */
export function jsonEqual(a: YamlValue, b: YamlValue): boolean {
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => jsonEqual(v, b[i] as YamlValue))
    );
  }
  if (isYamlMap(a)) {
    if (!isYamlMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(
      (k) => Object.hasOwn(b, k) && jsonEqual(a[k] as YamlValue, b[k] as YamlValue),
    );
  }
  if (Array.isArray(b) || isYamlMap(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `missing value`, evanphx's `ErrMissing` text. */
export const MISSING_VALUE = MISSING;
