import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { Operation } from 'fast-json-patch';
import { formatPointer } from './json-pointer.js';
import {
  ownedOnlyByOthers,
  ownedOnlyByUs,
  ownershipOfField,
  ownershipOfItem,
  type Ownership,
} from './managed-fields.js';
import { scalarsEqual } from './scalar-equal.js';

/**
 * Fields that identify items of associative lists, tried in order: a list whose desired items
 * all carry one of them with distinct values is matched item by item on it (order ignored,
 * extra live items left alone); any other list is compared position by position.
 *
 * @example
 * ```ts
 * LIST_MERGE_KEYS.includes('name'); // true: containers match by name
 * ```
 */
export const LIST_MERGE_KEYS: readonly string[] = [
  'name',
  'containerPort',
  'port',
  'mountPath',
  'devicePath',
  'ip',
  'topologyKey',
];

/** The outcome of comparing one value: the JSON Patch and the two sides as compared. */
export interface Comparison {
  ops: Operation[];
  /** The live side, restricted to the compared fields (desired order). */
  live: YamlValue | undefined;
  /** The desired side, without the fields left out of the comparison. */
  desired: YamlValue | undefined;
}

type Path = readonly (string | number)[];

/** Empty maps, empty lists, `null` and absence are the same for drift. */
export function isEmptyValue(v: YamlValue | undefined): boolean {
  return (
    v === undefined ||
    v === null ||
    (Array.isArray(v) && v.length === 0) ||
    (isYamlMap(v) && Object.keys(v).length === 0)
  );
}

function setOp(ops: Operation[], path: Path, live: YamlValue | undefined, value: YamlValue): void {
  const pointer = formatPointer(path);
  ops.push(
    live === undefined
      ? { op: 'add', path: pointer, value }
      : { op: 'replace', path: pointer, value },
  );
}

function mergeKeyOf(desired: readonly YamlValue[]): string | undefined {
  if (desired.length === 0) return undefined;
  for (const key of LIST_MERGE_KEYS) {
    const values = desired.map((item) => (isYamlMap(item) ? item[key] : undefined));
    if (values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      if (new Set(values.map(String)).size === values.length) return key;
    }
  }
  return undefined;
}

class Walker {
  readonly ops: Operation[] = [];

  value(
    d: YamlValue | undefined,
    l: YamlValue | undefined,
    path: Path,
    parentKey: string | undefined,
    key: string | undefined,
    own: Ownership | undefined,
  ): [YamlValue | undefined, YamlValue | undefined] {
    if (d === undefined) {
      if (!isEmptyValue(l)) this.ops.push({ op: 'remove', path: formatPointer(path) });
      return [l, undefined];
    }
    if (isYamlMap(d) && isYamlMap(l)) return this.map(d, l, path, own);
    if (Array.isArray(d) && Array.isArray(l)) return this.list(d, l, path, parentKey, key, own);
    if (isEmptyValue(d) && isEmptyValue(l)) return [d, d];
    if (!isYamlMap(d) && !Array.isArray(d) && scalarsEqual(d, l, parentKey, key)) return [d, d];
    setOp(this.ops, path, l, d);
    return [l, d];
  }

  private map(d: YamlMap, l: YamlMap, path: Path, own: Ownership | undefined): [YamlMap, YamlMap] {
    const liveView: YamlMap = {};
    const desiredView: YamlMap = {};
    const visit = (k: string, dv: YamlValue | undefined) => {
      const childOwn = own && ownershipOfField(own, k);
      const lv = l[k];
      const leaf = !isYamlMap(dv) || !isYamlMap(lv);
      if (childOwn && leaf && ownedOnlyByOthers(childOwn)) return;
      const [lvView, dvView] = this.value(
        dv,
        lv,
        [...path, k],
        path[path.length - 1]?.toString(),
        k,
        childOwn,
      );
      if (lvView !== undefined) liveView[k] = lvView;
      if (dvView !== undefined) desiredView[k] = dvView;
    };
    for (const k of Object.keys(d)) visit(k, d[k]);
    if (own) {
      for (const k of Object.keys(l)) {
        if (Object.hasOwn(d, k)) continue;
        const childOwn = ownershipOfField(own, k);
        const lv = l[k];
        if (childOwn.ours.length > 0 && isYamlMap(lv)) {
          // A map we own members of (labels we and an operator set): remove only our members.
          const [lvView] = this.map({}, lv, [...path, k], childOwn);
          if (Object.keys(lvView).length > 0) liveView[k] = lvView;
        } else if (ownedOnlyByUs(childOwn)) visit(k, undefined);
      }
    }
    return [liveView, desiredView];
  }

  private list(
    d: YamlValue[],
    l: YamlValue[],
    path: Path,
    parentKey: string | undefined,
    key: string | undefined,
    own: Ownership | undefined,
  ): [YamlValue[], YamlValue[]] {
    const mergeKey = mergeKeyOf(d);
    if (mergeKey === undefined) {
      if (own && ownedOnlyByOthers(own)) return [[], []];
      if (d.length !== l.length) {
        setOp(this.ops, path, l, d);
        return [l, d];
      }
      const liveView: YamlValue[] = [];
      const desiredView: YamlValue[] = [];
      d.forEach((item, i) => {
        const [lv, dv] = this.value(
          item,
          l[i],
          [...path, i],
          key ?? parentKey,
          undefined,
          own && ownershipOfItem(own, l[i] ?? null, i),
        );
        liveView.push(lv ?? null);
        desiredView.push(dv ?? null);
      });
      return [liveView, desiredView];
    }
    const liveView: YamlValue[] = [];
    const desiredView: YamlValue[] = [];
    const matched = new Set<number>();
    const appends: YamlValue[] = [];
    for (const item of d) {
      const id = (item as YamlMap)[mergeKey];
      const j = l.findIndex(
        (li, idx) =>
          !matched.has(idx) && isYamlMap(li) && scalarsEqual(li[mergeKey], id, undefined, mergeKey),
      );
      if (j < 0) {
        appends.push(item);
        desiredView.push(item);
        continue;
      }
      matched.add(j);
      const live = l[j] as YamlValue;
      const itemOwn = own && ownershipOfItem(own, live, j);
      if (itemOwn && ownedOnlyByOthers(itemOwn)) continue;
      const [lv, dv] = this.value(item, live, [...path, j], key, undefined, itemOwn);
      if (lv !== undefined) liveView.push(lv);
      if (dv !== undefined) desiredView.push(dv);
    }
    for (const item of appends)
      this.ops.push({ op: 'add', path: `${formatPointer(path)}/-`, value: item });
    if (own) {
      for (let j = l.length - 1; j >= 0; j--) {
        const live = l[j] as YamlValue;
        if (!matched.has(j) && ownedOnlyByUs(ownershipOfItem(own, live, j))) {
          this.ops.push({ op: 'remove', path: formatPointer([...path, j]) });
          liveView.push(live);
        }
      }
    }
    return [liveView, desiredView];
  }
}

/**
 * Compares a desired value with a live one over the desired value's fields (plus, with
 * ownership, the live fields only we own), returning a JSON Patch that turns `live` into
 * `desired` on those fields and both sides as compared. Paths in the patch address `live`
 * itself: associative-list items by their live index, new items appended with `/-`.
 *
 * @example
 * ```ts
 * compareValues({ spec: { replicas: 2 } }, { spec: { replicas: 1, paused: false } }).ops;
 * // [{ op: 'replace', path: '/spec/replicas', value: 2 }]
 * ```
 */
export function compareValues(
  desired: YamlValue,
  live: YamlValue,
  ownership?: Ownership,
): Comparison {
  const walker = new Walker();
  const [liveView, desiredView] = walker.value(desired, live, [], undefined, undefined, ownership);
  return { ops: walker.ops, live: liveView, desired: desiredView };
}
