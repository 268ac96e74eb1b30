import type { YamlMap } from '@kustomate/resource';
import type { SchemaInfo } from '../schema/schema-info.js';
import { cloneOwn } from './set-own.js';
import { schemaForResource } from './schema-cursor.js';
import { walkMerge } from './smp-walker.js';

/** Options of {@link applyStrategicMerge}. */
export interface StrategicMergeOptions {
  /**
   * Where list merge keys come from: `builtinSchema` (Kubernetes v1.21.2), or the schema of a
   * kustomization's `openapi: {path}` (see `createSchemaFromOpenApi`), which replaces it.
   */
  schema: SchemaInfo;
}

/**
 * Applies a strategic merge patch the way kustomize v5.5 does (kyaml `merge2.Merge` with
 * `ListIncreaseDirection: Prepend`), quirks included:
 *
 * - fields are visited in sorted order; the schema comes from the target's `apiVersion`/`kind`
 *   (else the patch's), and below a schema-less field from any map with its own
 *   `apiVersion`/`kind`;
 * - a patch `null` deletes the field (a target `null` the patch leaves alone is kept);
 * - map `$patch: delete | replace | merge`; anything else throws `unknown patch strategy`;
 * - lists with `x-kubernetes-patch-strategy: merge` merge by their keys (multi-key lists with
 *   kyaml's wildcard matching, which can drop patch data) or as sets of scalars: patch
 *   elements first, then untouched target elements; null and `{}` elements vanish. Other
 *   lists (no schema, CRs, unknown fields) are replaced by the patch's list verbatim;
 * - in merged lists an element consisting only of `$patch: replace` / `delete` replaces /
 *   removes the list, an element with keys and `$patch: delete` removes that element, and
 *   one with `$patch: replace` changes nothing;
 * - `$setElementOrder/...`, `$retainKeys` and `$deleteFromPrimitiveList/...` are not
 *   understood and are copied like ordinary fields.
 *
 * - a root `$patch: replace` changes nothing (kustomize keeps its own node, which the walk
 *   leaves untouched in that case); a root `$patch: delete` deletes the resource.
 *
 * Name, namespace and kind restoration (kustomize `Resource.ApplySmPatch`) is the caller's.
 *
 * @param target the resource; it is **modified in place** and returned.
 * @param patch the patch document; not modified (a private copy is merged, and parts of
 *   that copy end up in the result).
 * @returns the merged resource, or `null` when the patch says `$patch: delete` at its root.
 * @throws KustomizeError `InvalidPatch` for an unknown `$patch` value or a value whose node
 *   kind (map / list / scalar) differs between target and patch.
 *
 * @example
 * ```ts
 * const merged = applyStrategicMerge(deployment, {
 *   apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
 *   spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2' }] } } },
 * }, { schema: builtinSchema });
 * ```
 */
export function applyStrategicMerge(
  target: YamlMap,
  patch: YamlMap,
  options: StrategicMergeOptions,
): YamlMap | null {
  const lookup = (apiVersion: string, kind: string) =>
    schemaForResource(options.schema, apiVersion, kind);
  const merged = walkMerge(lookup, [target, cloneOwn(patch)], undefined);
  // kustomize keeps its own (mutated) node and only checks whether the walk returned
  // anything, so a root `$patch: replace` leaves the resource as it was.
  return merged === undefined || merged === null ? null : target;
}
