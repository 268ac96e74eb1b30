import type { RefSelection } from './git-repository-ref.js';
import { GitSourceError } from './git-source-error.js';
import { selectSemverTag } from './select-semver-tag.js';

/** A ref advertised by a server: its object id, and for annotated tags the peeled commit. */
export interface AdvertisedRef {
  ref: string;
  oid: string;
  peeled?: string | undefined;
}

/** What a ref resolves to: the commit, the ref to fetch, and the revision's reference part. */
export interface ResolvedRef {
  commit: string;
  /** Full ref name to fetch; absent for a bare commit. */
  fetchRef?: string;
  /** `main`, `v1.2.3`, `refs/pull/1/head`; absent for a bare commit (`sha1:<hex>`). */
  reference?: string;
}

/**
 * Resolves a selected ref against the refs a server advertises, as source-controller does:
 * branches under `refs/heads/`, tags under `refs/tags/` (peeled), `name` as a full ref, semver
 * over all tags. A bare commit is returned as is (its existence is checked when fetched).
 * Throws `RefNotFound` or `SemverNoMatch`.
 *
 * @example
 * ```ts
 * resolveServerRef({ kind: 'branch', branch: 'main' }, refs, 'https://example.com/repo');
 * // { commit: '…', fetchRef: 'refs/heads/main', reference: 'main' }
 * ```
 */
export function resolveServerRef(
  selection: RefSelection,
  refs: readonly AdvertisedRef[],
  url: string,
): ResolvedRef {
  const find = (name: string) => refs.find((r) => r.ref === name);
  const notFound = (ref: string): never => {
    throw new GitSourceError('RefNotFound', `'${url}' has no ref '${ref}'`, { data: { url, ref } });
  };
  switch (selection.kind) {
    case 'commit': {
      if (selection.branch === undefined) return { commit: selection.commit };
      const fetchRef = `refs/heads/${selection.branch}`;
      if (!find(fetchRef)) notFound(selection.branch);
      return { commit: selection.commit, fetchRef, reference: selection.branch };
    }
    case 'name': {
      const found = find(selection.name) ?? notFound(selection.name);
      return { commit: found.peeled ?? found.oid, fetchRef: found.ref, reference: found.ref };
    }
    case 'tag': {
      const found = find(`refs/tags/${selection.tag}`) ?? notFound(selection.tag);
      return { commit: found.peeled ?? found.oid, fetchRef: found.ref, reference: selection.tag };
    }
    case 'branch': {
      const found = find(`refs/heads/${selection.branch}`) ?? notFound(selection.branch);
      return { commit: found.oid, fetchRef: found.ref, reference: selection.branch };
    }
    case 'semver': {
      const tags = refs
        .filter((r) => r.ref.startsWith('refs/tags/') && !r.ref.endsWith('^{}'))
        .map((r) => ({ tag: r.ref.slice('refs/tags/'.length), commit: r.peeled ?? r.oid }));
      let best;
      try {
        best = selectSemverTag(selection.range, tags);
      } catch (e) {
        throw new GitSourceError('SemverNoMatch', (e as Error).message, {
          data: { url, ref: selection.range },
          cause: e,
        });
      }
      if (!best) {
        throw new GitSourceError(
          'SemverNoMatch',
          `no tag of '${url}' satisfies semver range '${selection.range}'`,
          { data: { url, ref: selection.range } },
        );
      }
      return { commit: best.commit, fetchRef: `refs/tags/${best.tag}`, reference: best.tag };
    }
  }
}
