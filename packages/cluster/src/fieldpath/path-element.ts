import { isYamlMap } from '@kustomate/resource';
import type { YamlValue } from '@kustomate/resource';

/**
 * One step of a field path, as structured-merge-diff and `managedFields` name them: a map
 * field, a keyed list item (its key fields sorted by name), a set member, or a list index.
 */
export type PathElement =
  | { field: string }
  | { key: readonly (readonly [string, YamlValue])[] }
  | { value: YamlValue }
  | { index: number };

/** A field path from the object root. */
export type FieldPath = readonly PathElement[];

/**
 * Canonical JSON of a value: map keys sorted, bigints as integers (Go's encoding).
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: 'x' }); // '{"a":"x","b":1}'
 * ```
 */
export function canonicalJson(value: YamlValue): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isYamlMap(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k] as YamlValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The `managedFields` (FieldsV1) spelling of an element: `f:name`, `k:{"name":"a"}`, `v:"x"`, `i:0`.
 *
 * @example
 * ```ts
 * elementToFieldsV1({ key: [['name', 'web']] }); // 'k:{"name":"web"}'
 * ```
 */
export function elementToFieldsV1(element: PathElement): string {
  if ('field' in element) return `f:${element.field}`;
  if ('key' in element) {
    const map: Record<string, YamlValue> = {};
    for (const [k, v] of element.key) map[k] = v;
    return `k:${canonicalJson(map)}`;
  }
  if ('value' in element) return `v:${canonicalJson(element.value)}`;
  return `i:${element.index}`;
}

/**
 * Parses a FieldsV1 element string back into a {@link PathElement}; `undefined` when malformed.
 *
 * @example
 * ```ts
 * elementFromFieldsV1('f:spec'); // { field: 'spec' }
 * ```
 */
export function elementFromFieldsV1(text: string): PathElement | undefined {
  const body = text.slice(2);
  try {
    switch (text.slice(0, 2)) {
      case 'f:':
        return { field: body };
      case 'k:': {
        const parsed = JSON.parse(body) as Record<string, YamlValue>;
        return {
          key: Object.keys(parsed)
            .sort()
            .map((k) => [k, parsed[k] as YamlValue] as const),
        };
      }
      case 'v:':
        return { value: JSON.parse(body) as YamlValue };
      case 'i:':
        return /^\d+$/.test(body) ? { index: Number(body) } : undefined;
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}

/**
 * The readable spelling of a path kubectl prints in conflicts:
 * `.spec.ports[port=80,protocol="TCP"].name`, `.finalizers[="x"]`, `.args[0]`.
 *
 * @example
 * ```ts
 * formatFieldPath([{ field: 'spec' }, { field: 'replicas' }]); // '.spec.replicas'
 * ```
 */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const element of path) {
    if ('field' in element) out += `.${element.field}`;
    else if ('key' in element)
      out += `[${element.key.map(([k, v]) => `${k}=${canonicalJson(v)}`).join(',')}]`;
    else if ('value' in element) out += `[=${canonicalJson(element.value)}]`;
    else out += `[${element.index}]`;
  }
  return out;
}
