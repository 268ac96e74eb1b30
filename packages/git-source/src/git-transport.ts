import { GitSourceError } from './git-source-error.js';

/** How a clone URL is fetched: over smart HTTP(S), or read from a local repository. */
export type GitTransport = 'http' | 'file';

/** The transports {@link gitTransport} accepts, for messages. */
export const SUPPORTED_GIT_URLS = 'https://, http:// and file:// git URLs';

/**
 * Picks the transport for a clone URL (kustomize's `CloneSpec`). isomorphic-git speaks only
 * smart HTTP, so ssh (`ssh://`, `git@host:org/repo`), `git://` and other schemes are refused
 * with `UnsupportedProtocol`, naming what is supported.
 *
 * @example
 * ```ts
 * gitTransport('https://github.com/org/repo'); // 'http'
 * gitTransport('file:///srv/git/repo.git'); // 'file'
 * gitTransport('git@github.com:org/repo'); // throws GitSourceError { code: 'UnsupportedProtocol' }
 * ```
 */
export function gitTransport(cloneUrl: string): GitTransport {
  const lower = cloneUrl.toLowerCase();
  if (lower.startsWith('https://') || lower.startsWith('http://')) return 'http';
  if (lower.startsWith('file://')) return 'file';
  const kind = lower.startsWith('ssh://') || /^[a-z0-9-]+@/.test(lower) ? 'ssh' : 'this protocol';
  throw new GitSourceError(
    'UnsupportedProtocol',
    `cannot fetch '${cloneUrl}': ${kind === 'ssh' ? 'ssh URLs are' : 'this URL scheme is'} not supported; use ${SUPPORTED_GIT_URLS} (for example https://github.com/org/repo//path?ref=v1)`,
    { data: { url: cloneUrl } },
  );
}
