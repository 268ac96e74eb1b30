import { isYamlMap, yamlEqual, type YamlMap, type YamlValue } from '@kustomate/resource';
import type { Operation } from 'fast-json-patch';
import { identityOf } from './metadata.js';

/** Flux's masks for Secret values: unchanged/added/removed, and the two sides of a change. */
export const SECRET_MASK = '***';
export const SECRET_MASK_BEFORE = '*** (before)';
export const SECRET_MASK_AFTER = '*** (after)';

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
    const bm = isYamlMap(b) ? b : {};
    const am = isYamlMap(a) ? a : {};
    for (const k of Object.keys(bm)) {
      const inBoth = Object.hasOwn(am, k);
      const changed = inBoth && !yamlEqual(bm[k], am[k]);
      bm[k] = changed ? SECRET_MASK_BEFORE : SECRET_MASK;
      if (inBoth) am[k] = changed ? SECRET_MASK_AFTER : SECRET_MASK;
    }
    for (const k of Object.keys(am)) if (!Object.hasOwn(bm, k)) am[k] = SECRET_MASK;
  }
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
    const segments = op.path.split('/');
    if (op.path === '') {
      const doc = { ...(op.value as YamlMap) };
      for (const f of SECRET_DATA_FIELDS) if (doc[f] !== undefined) doc[f] = maskValues(doc[f] as YamlValue);
      return { ...op, value: doc };
    }
    if (!SECRET_DATA_FIELDS.includes(segments[1] ?? '')) return op;
    if (segments.length === 2) return { ...op, value: maskValues(op.value as YamlValue) };
    return { ...op, value: op.op === 'replace' ? SECRET_MASK_AFTER : SECRET_MASK };
  });
}
