import type { YamlMap } from '@kustomate/resource';
import { hasMetadataValue, RECONCILE_ANNOTATION, SSA_ANNOTATION } from './metadata.js';

/**
 * Why Flux would not apply this object at all, if it would not: `ssa: Ignore` or
 * `reconcile: disabled` on either side, `ssa: IfNotPresent` when the object exists, or a
 * match of the extra `exclude` selector.
 *
 * @example
 * ```ts
 * exclusionReason(desired, live); // 'kustomize.toolkit.fluxcd.io/ssa: Ignore'
 * ```
 */
export function exclusionReason(
  desired: YamlMap,
  live: YamlMap | undefined,
  exclude: Readonly<Record<string, string>> = {},
): string | undefined {
  for (const obj of live ? [desired, live] : [desired]) {
    for (const [k, v] of Object.entries(exclude))
      if (hasMetadataValue(obj, k, v)) return `${k}: ${v}`;
    if (hasMetadataValue(obj, SSA_ANNOTATION, 'Ignore')) return `${SSA_ANNOTATION}: Ignore`;
    if (hasMetadataValue(obj, RECONCILE_ANNOTATION, 'disabled'))
      return `${RECONCILE_ANNOTATION}: disabled`;
  }
  if (live && hasMetadataValue(desired, SSA_ANNOTATION, 'IfNotPresent'))
    return `${SSA_ANNOTATION}: IfNotPresent`;
  return undefined;
}
