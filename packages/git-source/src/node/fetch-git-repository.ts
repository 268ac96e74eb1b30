import { createHash } from 'node:crypto';
import { join } from 'node:path';
import git from 'isomorphic-git';
import { archiveEntries } from '../archive-entries.js';
import { formatRevision, selectRef, type GitRepositoryRef } from '../git-repository-ref.js';
import { GitSourceError } from '../git-source-error.js';
import { resolveServerRef, type ResolvedRef } from '../resolve-server-ref.js';
import { authHeaders, secretValue, type SecretLike } from '../secret-auth.js';
import { createSourceIgnore, SOURCE_IGNORE_FILE } from '../source-ignore.js';
import { withDeadline } from './deadline.js';
import { createNodeHttpClient } from './node-http-client.js';
import { readCommitFiles } from './read-commit-files.js';
import { readIncludeFiles, type GitRepositoryInclude } from './read-include-files.js';
import { classifyFetchError, syncCommit } from './sync-commit.js';
import { writeArtifact } from './write-artifact.js';

const running = new Map<string, Promise<unknown>>();

/** Runs `work` after earlier work on the same local clone in this process has settled. */
async function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = running.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  running.set(key, next);
  try {
    return await next;
  } finally {
    if (running.get(key) === next) running.delete(key);
  }
}

/** Flux's default `spec.timeout` (60s). */
export const DEFAULT_FETCH_TIMEOUT_MS = 60_000;

/** Options of {@link fetchGitRepository}: a GitRepository spec plus where to work. */
export interface FetchGitRepositoryOptions {
  /** `http://` or `https://` clone URL. */
  url: string;
  ref?: GitRepositoryRef | undefined;
  /** `spec.ignore`: gitignore-syntax text appended after `.sourceignore` files. */
  ignore?: string | undefined;
  /** `spec.include`: trees of other artifacts copied in (overriding files) before filtering. */
  include?: readonly GitRepositoryInclude[] | undefined;
  auth?:
    | {
        /** `secretRef` content: `username`/`password`, or `bearerToken`; `ca.crt` is trusted. */
        secret?: SecretLike | undefined;
        /** PEM CA bundle for https (overrides the secret's `ca.crt`). */
        caBundle?: string | undefined;
      }
    | undefined;
  /** Directory kept across fetches: the local clones and the artifacts. */
  workDir: string;
  /** Milliseconds; default {@link DEFAULT_FETCH_TIMEOUT_MS}. */
  timeout?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** The result of {@link fetchGitRepository} (a source-controller Artifact, on disk). */
export interface GitRepositoryArtifact {
  url: string;
  /** Flux revision: `main@sha1:<hex>`, `v1.2.3@sha1:<hex>`, `refs/pull/1/head@sha1:<hex>`, `sha1:<hex>`. */
  revision: string;
  /** `sha256:<hex>` of `archive`. */
  digest: string;
  /** Directory holding the filtered tree. */
  dir: string;
  /** Path of the deterministic tar.gz of the filtered tree. */
  archive: string;
}

/**
 * Fetches a GitRepository as source-controller does: resolves `ref` (`commit` > `name` >
 * `semver` > `tag` > `branch`, default branch `master`) against the server's refs, fetches the
 * commit into a clone kept in `workDir` (nothing is transferred when it is already there; new
 * commits are fetched incrementally; fetches of one URL in this process take turns), copies
 * `include` trees in, drops ignored paths (`.sourceignore` files, `ignore`,
 * Flux's defaults) and writes a deterministic tar.gz whose digest depends only on content.
 *
 * @example
 * ```ts
 * import { fetchGitRepository } from '@kustomate/git-source/node';
 *
 * const artifact = await fetchGitRepository({
 *   url: 'https://github.com/stefanprodan/podinfo',
 *   ref: { semver: '6.x' },
 *   workDir: '/tmp/kustomate/sources',
 * });
 * console.log(artifact.revision, artifact.digest, artifact.dir);
 * ```
 */
export async function fetchGitRepository(
  options: FetchGitRepositoryOptions,
): Promise<GitRepositoryArtifact> {
  const { url, workDir } = options;
  if (!/^https?:\/\//i.test(url)) {
    throw new GitSourceError('UnsupportedProtocol', `cannot fetch '${url}': use an http(s) URL`, {
      data: { url },
    });
  }
  const secret = options.auth?.secret;
  const headers = authHeaders(secret);
  const ca = options.auth?.caBundle ?? (secret ? secretValue(secret, 'ca.crt') : undefined);
  return withDeadline(
    async (signal) => {
      const http = createNodeHttpClient({ ca, headers, signal });
      const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
      const gitdir = join(workDir, 'repositories', key);
      const selection = selectRef(options.ref);
      let resolved: ResolvedRef;
      if (selection.kind === 'commit' && selection.branch === undefined) {
        resolved = { commit: selection.commit };
      } else {
        let refs;
        try {
          refs = await git.listServerRefs({ http, url, protocolVersion: 1, peelTags: true });
        } catch (e) {
          throw classifyFetchError(e, url, { url });
        }
        resolved = resolveServerRef(selection, refs, url);
      }
      await serialised(gitdir, () => syncCommit({ http, url, gitdir, resolved }));
      const byPath = new Map(
        (await readCommitFiles(gitdir, resolved.commit, signal)).map((f) => [f.path, f]),
      );
      for (const include of options.include ?? []) {
        for (const file of readIncludeFiles(include)) byPath.set(file.path, file);
      }
      const files = [...byPath.values()];
      const ignoreFiles = files
        .filter((f) => f.path === SOURCE_IGNORE_FILE || f.path.endsWith(`/${SOURCE_IGNORE_FILE}`))
        .map((f) => ({
          dir: f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '',
          text: new TextDecoder().decode(f.content),
        }));
      const excluded = createSourceIgnore({ files: ignoreFiles, ignore: options.ignore });
      const written = writeArtifact(join(workDir, 'artifacts'), archiveEntries(files, excluded));
      return { url, revision: formatRevision(resolved.reference, resolved.commit), ...written };
    },
    { signal: options.signal, timeoutMs: options.timeout ?? DEFAULT_FETCH_TIMEOUT_MS, url },
  );
}
