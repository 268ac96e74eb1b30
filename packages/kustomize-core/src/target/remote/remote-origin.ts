import type { ResourceOrigin } from '@kustomate/resource';
import type { Accumulator } from '../accumulator.js';
import { normalizePath } from '@kustomate/vfs';
import { remoteOriginPath, tryParseRemoteSpec } from './parse-remote-spec.js';

/**
 * kustomize `Origin.Append` for a `resources` entry: a git URL starts a new origin (its repo,
 * ref and path in the repo); anything else is joined to the current directory's path.
 */
export function appendOrigin(originDir: string, entry: string): ResourceOrigin {
  const parsed = tryParseRemoteSpec(entry);
  if (!parsed.ok)
    return { path: normalizePath(originDir === '' ? entry : `${originDir}/${entry}`) };
  const { spec } = parsed;
  return {
    path: remoteOriginPath(spec),
    repo: spec.cloneUrl,
    ...(spec.ref !== '' ? { ref: spec.ref } : {}),
  };
}

/** How many transformations each resource of an accumulator has recorded so far. */
export type TransformationCounts = ReadonlyMap<object, number>;

/** Counts the transformations recorded on each resource of `ra` (see {@link stampRemoteOrigins}). */
export function countTransformations(ra: Accumulator): TransformationCounts {
  return new Map(ra.resmap.resources.map((res) => [res, res.transformations.length]));
}

/**
 * Gives every origin made inside a remote base or component (resources, generators,
 * transformer records) that repository's repo and ref, as kustomize's origins inherit them;
 * origins that already name a repo (nested remote bases) are kept. For a component, which
 * accumulates into its parent's accumulator, `before` holds the counts taken before it ran:
 * resources present then keep their origin and only their later transformation records are
 * stamped.
 */
export function stampRemoteOrigins(
  ra: Accumulator,
  repo: string,
  ref: string,
  before: TransformationCounts = new Map(),
): void {
  const stamp = (o: ResourceOrigin): ResourceOrigin =>
    o.repo ? o : { ...o, repo, ...(ref !== '' ? { ref } : {}) };
  for (const res of ra.resmap.resources) {
    const recorded = before.get(res);
    if (recorded === undefined && res.origin) res.origin = stamp(res.origin);
    const from = recorded ?? 0;
    res.transformations = res.transformations.map((o, i) => (i < from ? o : stamp(o)));
  }
}
