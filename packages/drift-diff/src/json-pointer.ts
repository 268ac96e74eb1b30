import { isYamlMap, type YamlValue } from '@kustomate/resource';

/** Escapes one JSON-pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Joins segments into a JSON pointer (`[]` → `''`, the whole document).
 *
 * @example
 * ```ts
 * formatPointer(['metadata', 'annotations', 'a/b']); // '/metadata/annotations/a~1b'
 * ```
 */
export function formatPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(String(s))}`).join('');
}

/**
 * Splits an RFC 6901 JSON pointer into unescaped segments; `undefined` when `pointer` is
 * neither empty nor starts with `/`.
 *
 * @example
 * ```ts
 * parsePointer('/metadata/annotations/a~1b'); // ['metadata', 'annotations', 'a/b']
 * ```
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Removes the value at `segments` from `doc` in place; a missing path is not an error. */
export function removeAtPointer(doc: YamlValue, segments: readonly string[]): void {
  let cur: YamlValue | undefined = doc;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i] as string;
    if (Array.isArray(cur)) cur = /^\d+$/.test(seg) ? cur[Number(seg)] : undefined;
    else if (isYamlMap(cur)) cur = cur[seg];
    else return;
  }
  const last = segments[segments.length - 1];
  if (last === undefined) return;
  if (Array.isArray(cur) && /^\d+$/.test(last) && Number(last) < cur.length) {
    cur.splice(Number(last), 1);
  } else if (isYamlMap(cur)) delete cur[last];
}
