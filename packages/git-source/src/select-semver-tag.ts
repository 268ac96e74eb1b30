import semver from 'semver';

/** A tag of a repository, with the commit it points to (peeled) and that commit's time. */
export interface TagCandidate {
  tag: string;
  commit: string;
  /** Commit time in seconds, to break ties between tags of equal version. */
  time?: number;
}

/**
 * Picks the tag with the highest version satisfying `range` (Flux's `cloneSemVer`): tags are
 * parsed leniently (a leading `v`, `1.2` as `1.2.0`), pre-releases match only when the range
 * names one, and among tags of equal version the most recent commit wins. Returns `undefined`
 * when none matches; throws `TypeError` for an invalid range.
 *
 * @example
 * ```ts
 * selectSemverTag('>=1.0.0 <2.0.0', [{ tag: 'v1.2.0', commit: 'a' }, { tag: 'v2.0.0', commit: 'b' }]);
 * // { tag: 'v1.2.0', commit: 'a' }
 * ```
 */
export function selectSemverTag(
  range: string,
  tags: readonly TagCandidate[],
): TagCandidate | undefined {
  const parsed = semver.validRange(range, { loose: true });
  if (parsed === null) throw new TypeError(`invalid semver range '${range}'`);
  let best: { candidate: TagCandidate; version: semver.SemVer } | undefined;
  for (const candidate of tags) {
    const version = parseVersion(candidate.tag);
    if (!version || !semver.satisfies(version, parsed, { loose: true })) continue;
    const order = best ? semver.compare(version, best.version) : 1;
    const newer = order === 0 && (candidate.time ?? 0) > (best?.candidate.time ?? 0);
    if (order > 0 || newer) best = { candidate, version };
  }
  return best?.candidate;
}

function parseVersion(tag: string): semver.SemVer | null {
  const strict = semver.parse(tag, { loose: true });
  if (strict) return strict;
  // Masterminds accepts partial versions (`v1`, `1.2`); semver.coerce keeps only the core.
  return /^v?\d+(\.\d+)?$/.test(tag) ? semver.coerce(tag) : null;
}
