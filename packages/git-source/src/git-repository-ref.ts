/**
 * The `spec.ref` of a Flux GitRepository. When several fields are set the most specific wins:
 * `commit` > `name` > `semver` > `tag` > `branch` (source-controller's precedence); with none,
 * branch {@link DEFAULT_BRANCH}.
 */
export interface GitRepositoryRef {
  branch?: string;
  tag?: string;
  /** A semver range over the repository's tags (a leading `v` on tags is accepted). */
  semver?: string;
  /** A full ref name, e.g. `refs/pull/420/head`, `refs/heads/main`, `refs/tags/v1`. */
  name?: string;
  /** A full commit id; with `branch`, the commit is looked up on that branch. */
  commit?: string;
}

/** Flux's default branch when `ref` is empty (fluxcd/pkg `git/repository` `DefaultBranch`). */
export const DEFAULT_BRANCH = 'master';

/** Which ref kind a {@link GitRepositoryRef} selects, after precedence. */
export type RefSelection =
  | { kind: 'commit'; commit: string; branch?: string }
  | { kind: 'name'; name: string }
  | { kind: 'semver'; range: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'branch'; branch: string };

/**
 * Applies source-controller's precedence to a ref.
 *
 * @example
 * ```ts
 * selectRef({ branch: 'main', tag: 'v1' }); // { kind: 'tag', tag: 'v1' }
 * selectRef(undefined); // { kind: 'branch', branch: 'master' }
 * ```
 */
export function selectRef(ref: GitRepositoryRef | undefined): RefSelection {
  if (ref?.commit) {
    return ref.branch
      ? { kind: 'commit', commit: ref.commit.toLowerCase(), branch: ref.branch }
      : { kind: 'commit', commit: ref.commit.toLowerCase() };
  }
  if (ref?.name) return { kind: 'name', name: ref.name };
  if (ref?.semver) return { kind: 'semver', range: ref.semver };
  if (ref?.tag) return { kind: 'tag', tag: ref.tag };
  return { kind: 'branch', branch: ref?.branch || DEFAULT_BRANCH };
}

/**
 * Flux's revision string (fluxcd/pkg `git.Commit.String`): `<short ref>@sha1:<hex>` where the
 * short ref is a branch or tag name, the full ref for `name` refs, and only `sha1:<hex>` for a
 * bare commit.
 *
 * @example
 * ```ts
 * formatRevision('main', 'a'.repeat(40)); // 'main@sha1:aaaa…'
 * formatRevision(undefined, 'a'.repeat(40)); // 'sha1:aaaa…'
 * ```
 */
export function formatRevision(reference: string | undefined, commit: string): string {
  return reference ? `${reference}@sha1:${commit}` : `sha1:${commit}`;
}
