import { isYamlMap, yamlEqual, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { Operation } from 'fast-json-patch';
import { identityOf } from './metadata.js';

/**
 * Flux's mask for a Secret value that is unchanged, added or removed.
 *
 * @example
 * ```ts
 * diff.unified.includes(SECRET_MASK);
 * ```
 */
export const SECRET_MASK = '***';
/**
 * Mask of a changed Secret value on the live side.
 *
 * @example
 * ```ts
 * diff.unified.includes(SECRET_MASK_BEFORE);
 * ```
 */
export const SECRET_MASK_BEFORE = '*** (before)';
/**
 * Mask of a changed Secret value on the desired side.
 *
 * @example
 * ```ts
 * patch.some((op) => op.value === SECRET_MASK_AFTER);
 * ```
 */
export const SECRET_MASK_AFTER = '*** (after)';

/**
 * kubectl's client-side-apply annotation: on a Secret it holds the whole Secret in clear text,
 * so it is masked like the data.
 */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** The Secret fields whose values are masked. */
export const SECRET_DATA_FIELDS: readonly string[] = ['data', 'stringData'];

/** True for core `Secret` objects, whose values must never be shown. */
export function isSecret(obj: YamlMap): boolean {
  const id = identityOf(obj);
  return id.group === '' && id.kind === 'Secret';
}

/**
 * Masks the `data`/`stringData` values of two sides of a Secret, in place: values that differ
 * become `*** (before)` / `*** (after)`, all others `***`, so a change of value still shows
 * as a changed line while no value is revealed.
 *
 * @example
 * ```ts
 * maskSecretPair({ data: { a: 'eA==' } }, { data: { a: 'eQ==' } });
 * // before.data.a === '*** (before)', after.data.a === '*** (after)'
 * ```
 */
export function maskSecretPair(before: YamlMap | undefined, after: YamlMap | undefined): void {
  for (const field of SECRET_DATA_FIELDS) {
    const b = before?.[field];
    const a = after?.[field];
    maskMapPair(isYamlMap(b) ? b : {}, isYamlMap(a) ? a : {}, undefined);
  }
  maskMapPair(annotationsIn(before), annotationsIn(after), LAST_APPLIED_ANNOTATION);
}

function annotationsIn(obj: YamlMap | undefined): YamlMap {
  const meta = obj?.['metadata'];
  const annotations = isYamlMap(meta) ? meta['annotations'] : undefined;
  return isYamlMap(annotations) ? annotations : {};
}

/** Masks the values of two maps pairwise (only `onlyKey` when given). */
function maskMapPair(bm: YamlMap, am: YamlMap, onlyKey: string | undefined): void {
  const masked = (k: string) => onlyKey === undefined || k === onlyKey;
  for (const k of Object.keys(bm).filter(masked)) {
    const inBoth = Object.hasOwn(am, k);
    const changed = inBoth && !yamlEqual(bm[k], am[k]);
    bm[k] = changed ? SECRET_MASK_BEFORE : SECRET_MASK;
    if (inBoth) am[k] = changed ? SECRET_MASK_AFTER : SECRET_MASK;
  }
  for (const k of Object.keys(am).filter(masked)) if (!Object.hasOwn(bm, k)) am[k] = SECRET_MASK;
}

function maskValues(value: YamlValue): YamlValue {
  if (!isYamlMap(value)) return SECRET_MASK;
  return Object.fromEntries(Object.keys(value).map((k) => [k, SECRET_MASK]));
}

/**
 * Masks Secret values in a JSON Patch (a new array): a value replacing an existing one becomes
 * `*** (after)`, any other value `***`; whole `data` maps get every value masked.
 *
 * @example
 * ```ts
 * maskSecretPatch([{ op: 'replace', path: '/data/token', value: 'c2VjcmV0' }]);
 * // [{ op: 'replace', path: '/data/token', value: '*** (after)' }]
 * ```
 */
export function maskSecretPatch(ops: readonly Operation[]): Operation[] {
  return ops.map((op) => {
    if (op.op !== 'add' && op.op !== 'replace') return op;
    return { ...op, value: maskAt(op.path.split('/').slice(1), op.value as YamlValue, op.op) };
  });
}

const LAST_APPLIED_SEGMENT = LAST_APPLIED_ANNOTATION.replace(/\//g, '~1');

/** Masks the secret parts of `value`, which sits at `segments` in a Secret. */
function maskAt(segments: readonly string[], value: YamlValue, op: 'add' | 'replace'): YamlValue {
  const [first, second, third] = segments;
  const leaf = op === 'replace' ? SECRET_MASK_AFTER : SECRET_MASK;
  if (first === undefined) {
    if (!isYamlMap(value)) return value;
    const doc: YamlMap = { ...value };
    for (const f of SECRET_DATA_FIELDS)
      if (doc[f] !== undefined) doc[f] = maskValues(doc[f] as YamlValue);
    if (isYamlMap(doc['metadata'])) doc['metadata'] = maskAt(['metadata'], doc['metadata'], 'add');
    return doc;
  }
  if (SECRET_DATA_FIELDS.includes(first)) return second === undefined ? maskValues(value) : leaf;
  if (first !== 'metadata') return value;
  if (second === undefined) {
    if (!isYamlMap(value) || !isYamlMap(value['annotations'])) return value;
    return {
      ...value,
      annotations: maskAt(['metadata', 'annotations'], value['annotations'], 'add'),
    };
  }
  if (second !== 'annotations') return value;
  if (third === undefined) {
    if (!isYamlMap(value) || value[LAST_APPLIED_ANNOTATION] === undefined) return value;
    return { ...value, [LAST_APPLIED_ANNOTATION]: SECRET_MASK };
  }
  return third === LAST_APPLIED_SEGMENT ? leaf : value;
}
