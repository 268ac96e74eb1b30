import { yamlEqual, type YamlValue } from '@kustomate/resource';
import { quantitiesEqual } from './quantity.js';

/**
 * Map keys whose values are resource quantities (`resources.limits.cpu`, `spec.hard.pods`).
 *
 * @example
 * ```ts
 * QUANTITY_PARENT_KEYS.has('limits'); // true
 * ```
 */
export const QUANTITY_PARENT_KEYS: ReadonlySet<string> = new Set([
  'limits',
  'requests',
  'hard',
  'capacity',
  'allocatable',
  'overhead',
  'max',
  'min',
  'default',
  'defaultRequest',
  'maxLimitRequestRatio',
]);

/**
 * Field names whose values are quantities wherever they appear.
 *
 * @example
 * ```ts
 * QUANTITY_KEYS.has('sizeLimit'); // true
 * ```
 */
export const QUANTITY_KEYS: ReadonlySet<string> = new Set(['sizeLimit']);

/**
 * Field names of Kubernetes `IntOrString` fields: `80` and `"80"` are the same value.
 *
 * @example
 * ```ts
 * INT_OR_STRING_KEYS.has('targetPort'); // true
 * ```
 */
export const INT_OR_STRING_KEYS: ReadonlySet<string> = new Set([
  'targetPort',
  'port',
  'maxSurge',
  'maxUnavailable',
  'minAvailable',
]);

type Num = string | number | bigint;
const isNum = (v: YamlValue | undefined): v is Num =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint';

/**
 * Equality of two scalars at a field, tolerant of the spellings the API server rewrites:
 * quantities under {@link QUANTITY_PARENT_KEYS} / {@link QUANTITY_KEYS} compare by amount,
 * {@link INT_OR_STRING_KEYS} compare `80` and `"80"` equal. `parentKey` and `key` are the
 * last two path segments (`undefined` for list items).
 *
 * @example
 * ```ts
 * scalarsEqual('2000m', '2', 'limits', 'cpu'); // true
 * scalarsEqual(8080, '8080', undefined, 'targetPort'); // true
 * ```
 */
export function scalarsEqual(
  a: YamlValue | undefined,
  b: YamlValue | undefined,
  parentKey: string | undefined,
  key: string | undefined,
): boolean {
  if (yamlEqual(a, b)) return true;
  if (!isNum(a) || !isNum(b)) return false;
  const quantity =
    (parentKey !== undefined && QUANTITY_PARENT_KEYS.has(parentKey)) ||
    (key !== undefined && QUANTITY_KEYS.has(key));
  if (quantity) return quantitiesEqual(a, b);
  if (key !== undefined && INT_OR_STRING_KEYS.has(key)) {
    const int = /^-?\d+$/;
    return int.test(String(a)) && String(a) === String(b);
  }
  return false;
}
