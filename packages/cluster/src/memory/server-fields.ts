import { cloneYaml, isYamlMap, yamlEqual } from '@kustomate/resource';
import type { YamlMap } from '@kustomate/resource';
import { FieldSet } from '../fieldpath/field-set.js';
import type { FieldPath } from '../fieldpath/path-element.js';

/**
 * `metadata` fields only the server sets: dropped from what clients write.
 *
 * @example
 * ```ts
 * SERVER_METADATA.includes('uid'); // true
 * ```
 */
export const SERVER_METADATA = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
] as const;

/** Paths never recorded in managed fields (the API server strips them). */
const UNOWNED: FieldPath[] = [
  [{ field: 'apiVersion' }],
  [{ field: 'kind' }],
  [{ field: 'metadata' }],
  ...['name', 'namespace', ...SERVER_METADATA].map((f) => [{ field: 'metadata' }, { field: f }]),
];

/**
 * A client-written object ready for the ownership engine: server metadata removed, and `status`
 * removed when it is a subresource.
 *
 * @example
 * ```ts
 * clientBody(deployment, true); // no status, no uid/resourceVersion/managedFields
 * ```
 */
export function clientBody(object: YamlMap, dropStatus: boolean): YamlMap {
  const out = cloneYaml(object);
  const meta = out['metadata'];
  if (isYamlMap(meta)) for (const f of SERVER_METADATA) delete meta[f];
  if (dropStatus) delete out['status'];
  return out;
}

/**
 * A field set without the paths the API server never records as owned.
 *
 * @example
 * ```ts
 * withoutUnowned(set).has([{ field: 'metadata' }, { field: 'name' }]); // false
 * ```
 */
export function withoutUnowned(set: FieldSet): FieldSet {
  return set.difference(new FieldSet(UNOWNED));
}

/**
 * True when anything outside `metadata` and `status` differs (what bumps `generation`).
 *
 * @example
 * ```ts
 * specChanged({ spec: { a: 1 } }, { spec: { a: 2 } }); // true
 * ```
 */
export function specChanged(before: YamlMap, after: YamlMap): boolean {
  const strip = (o: YamlMap): YamlMap => {
    const { metadata: _m, status: _s, ...rest } = o;
    return rest;
  };
  return !yamlEqual(strip(before), strip(after));
}

/**
 * Folds a Secret's write-only `stringData` into base64 `data`, as the API server does.
 *
 * @example
 * ```ts
 * foldStringData(secret); // stringData: { a: 'x' } → data: { a: 'eA==' }
 * ```
 */
export function foldStringData(object: YamlMap): void {
  const stringData = object['stringData'];
  if (!isYamlMap(stringData)) return;
  const data = isYamlMap(object['data']) ? object['data'] : {};
  for (const [k, v] of Object.entries(stringData))
    data[k] =
      typeof v === 'string' ? btoa(String.fromCharCode(...new TextEncoder().encode(v))) : '';
  object['data'] = data;
  delete object['stringData'];
}
