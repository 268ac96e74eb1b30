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

/**
 * Gives every origin made inside a remote base (resources, generators, transformer records)
 * that base's repo and ref, as kustomize's origins inherit them; origins that already name a
 * repo (nested remote bases) are kept.
 */
export function stampRemoteOrigins(ra: Accumulator, repo: string, ref: string): void {
  const stamp = (o: ResourceOrigin): ResourceOrigin =>
    o.repo ? o : { ...o, repo, ...(ref !== '' ? { ref } : {}) };
  for (const res of ra.resmap.resources) {
    if (res.origin) res.origin = stamp(res.origin);
    res.transformations = res.transformations.map(stamp);
  }
}
