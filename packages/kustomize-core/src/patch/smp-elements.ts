import { isYamlMap, type YamlValue } from '@kustomate/resource';
import {
  assertKind,
  fieldOf,
  isEmptyMap,
  isMissingOrNull,
  kindOf,
  scalarText,
  wrongKind,
} from './smp-node.js';

/**
 * kyaml `FieldMatcher{Name, StringValue}` on one list element: whether `elem` has the field
 * `name` (any value when `value` is `""`, else a value whose scalar text equals `value`).
 * With `name === ""` the element itself is compared as a scalar.
 */
function fieldMatches(elem: YamlValue, name: string, value: string): boolean {
  if (isMissingOrNull(elem)) return false;
  if (name === '') {
    if (kindOf(elem) !== 'ScalarNode') throw wrongKind('ScalarNode', elem);
    return scalarText(elem) === value;
  }
  if (!isYamlMap(elem)) throw wrongKind('MappingNode', elem);
  if (!Object.hasOwn(elem, name)) return false;
  return value === '' || scalarText(elem[name]) === value;
}

/** What {@link setElement} does: remove matches (`element` undefined) or replace/append. */
export interface ElementSetterSpec {
  /** The new element; `undefined` deletes the matching elements. */
  element?: YamlValue | undefined;
  /** Field names identifying the element (`[""]` for a list of scalars). */
  keys: readonly string[];
  /** The values of `keys`, compared as scalar text. */
  values: readonly string[];
}

/**
 * kyaml `ElementSetter`, in place on `list`: drops null and `{}` elements, replaces (or
 * deletes) every element matching all key/value pairs, and appends `element` when nothing
 * matched. Non-matching elements are dropped too when `values` is empty.
 */
export function setElement(list: YamlValue[], spec: ElementSetterSpec): YamlValue | undefined {
  const keys = spec.keys.length === 0 ? [''] : spec.keys;
  const { values, element } = spec;
  const mappingSetter = keys[0] !== '' && values.length > 0 && values[0] !== '';
  const next: YamlValue[] = [];
  let matched = false;
  for (const elem of list) {
    if (isMissingOrNull(elem) || isEmptyMap(elem)) continue;
    if (!isYamlMap(elem) && mappingSetter) {
      next.push(elem);
      continue;
    }
    let found = true;
    let last = false;
    for (let j = 0; j < keys.length; j++) {
      if (j < values.length) last = fieldMatches(elem, keys[j] as string, values[j] as string);
      if (!last) {
        found = false;
        break;
      }
    }
    if (!found) {
      if (values.length > 0) next.push(elem);
      continue;
    }
    matched = true;
    if (element === undefined) continue;
    next.push(element);
  }
  list.splice(0, list.length, ...next);
  if (isMissingOrNull(element)) return undefined;
  if (!matched) list.push(element);
  return element;
}

/**
 * kyaml `RNode.ElementList(keys, values)`: the first element whose fields `keys` have the
 * scalar texts `values`; for `keys[0] === ""` the first element whose own text is `values[0]`.
 */
export function findElement(
  list: YamlValue | undefined,
  keys: readonly string[],
  values: readonly string[],
): YamlValue | undefined {
  if (!Array.isArray(list)) return undefined;
  const ks = keys.length === 0 ? [''] : keys;
  const vs = values.length === 0 ? [''] : values;
  if (ks[0] === '') return list.find((item) => scalarText(item) === vs[0]);
  return list.find((item) => {
    if (!isYamlMap(item)) return false;
    return ks.every((key, i) => Object.hasOwn(item, key) && scalarText(item[key]) === vs[i]);
  });
}

/** kyaml `GetElementByKey(key)`: the first mapping element that has the field `key`. */
export function findElementWithField(list: YamlValue[], key: string): YamlValue | undefined {
  return list.find((item) => isYamlMap(item) && Object.hasOwn(item, key));
}

/**
 * kyaml `yaml.Get(key)` on a list element: the field value, `undefined` when the element is
 * null or lacks the field; any other non-mapping element is an error.
 */
export function getElementField(elem: YamlValue, key: string): YamlValue | undefined {
  if (isMissingOrNull(elem)) return undefined;
  assertKind(elem, 'MappingNode');
  return fieldOf(elem, key);
}
