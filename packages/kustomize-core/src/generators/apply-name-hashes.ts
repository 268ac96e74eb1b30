import type { ResMap } from '../resource/res-map.js';
import { computeNameHash } from './name-hash.js';

/**
 * kustomize's root-level `HashTransformer`: every resource flagged `needsHashSuffix` has its
 * current id recorded as a previous id (so name references to the unhashed name can be fixed
 * afterwards) and `-<hash>` ({@link computeNameHash}) appended to its name; the flag is then
 * cleared. Run once, after all transformers of all levels. Like kustomize, it does not check
 * the new names for collisions.
 *
 * @example
 * ```ts
 * applyNameHashes(resmap); // cm → cm-8f7tbf6t6m
 * ```
 */
export function applyNameHashes(resmap: ResMap): void {
  for (const res of resmap.resources) {
    if (!res.needsHashSuffix) continue;
    const hash = computeNameHash(res.object);
    resmap.storePreviousId(res);
    res.name = `${res.name}-${hash}`;
    res.needsHashSuffix = false;
  }
}
