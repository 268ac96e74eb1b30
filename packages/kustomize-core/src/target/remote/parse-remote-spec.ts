import { normalizePath } from '@kustomate/vfs';
import { KustomizeError } from '../../errors.js';
import { goAtoi, goParseBool, goParseDuration, parseGoQuery } from './go-query.js';

/** kustomize's timeout for each git command of a clone when the URL sets none (27 s). */
export const DEFAULT_REMOTE_TIMEOUT_MS = 27_000;

/**
 * A git repository URL from a kustomization's `resources`, split as kustomize's `RepoSpec`
 * (`api/internal/git/repospec.go`) splits it.
 */
export interface RemoteSpec {
  /** The URL exactly as written in the kustomization (used for the cycle rule). */
  raw: string;
  /** Scheme, user and host, normalised: `https://github.com/`, `git@github.com:`, `file://`. */
  host: string;
  /** The repository path on the host: `org/repo`, `org/repo.git`, `project/_git/repo`. */
  repoPath: string;
  /** The kustomization directory inside the repository (`''` for its root). */
  kustRootPath: string;
  /** `?ref=` (or `?version=`): a branch, tag or full commit id; `''` means the remote's HEAD. */
  ref: string;
  /** `?timeout=`: milliseconds allowed for each git operation. */
  timeoutMs: number;
  /** `?submodules=`: whether submodules should be cloned too. */
  submodules: boolean;
  /** What kustomize passes to `git fetch`: `host + repoPath` (its `CloneSpec()`). */
  cloneUrl: string;
}

/** Why a URL is not a git repository URL, in kustomize's words. */
export type RemoteSpecParse = { ok: true; spec: RemoteSpec } | { ok: false; reason: string };

const GIT_SUFFIX = '.git';
const GIT_ROOT_DELIMITER = '_git/';
const FILE_SCHEME = 'file://';
const SCHEMES = ['ssh://', 'https://', 'http://', FILE_SCHEME] as const;

class ParseFailure extends Error {}

/**
 * Parses a git URL as kustomize v5 does (`NewRepoSpecFromURL`), or explains why it is not one.
 * Never throws.
 *
 * @example
 * ```ts
 * tryParseRemoteSpec('github.com/org/repo//base?ref=v1');
 * // { ok: true, spec: { cloneUrl: 'https://github.com/org/repo', kustRootPath: 'base', ref: 'v1', ... } }
 * tryParseRemoteSpec('./base'); // { ok: false, reason: 'failed to parse scheme' }
 * ```
 */
export function tryParseRemoteSpec(url: string): RemoteSpecParse {
  try {
    return { ok: true, spec: parseUnchecked(url) };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, reason: e.message };
    throw e;
  }
}

/**
 * Parses a git URL of any form kustomize accepts in `resources`: `https://`, `http://`,
 * `ssh://`, `file://`, SCP-style `user@host:path`, scheme-less `github.com/…`, an optional
 * `git::` prefix; the repository ends at `_git/<repo>`, `//`, the first `.git`, or else after
 * two path segments (`file://`: the whole path). Query: `ref`/`version`, `timeout`,
 * `submodules`. GitHub hosts are normalised to `https://github.com/` or `git@github.com:`.
 *
 * @throws KustomizeError `InvalidKustomization` with kustomize's reason (`failed to parse
 *   scheme`, `failed to parse repo path segment`, `url path exits repo: …`, …).
 * @example
 * ```ts
 * const spec = parseRemoteSpec('https://github.com/org/repo.git//deploy/base?ref=v1&timeout=2m');
 * spec.cloneUrl; // 'https://github.com/org/repo.git'
 * spec.kustRootPath; // 'deploy/base'
 * spec.timeoutMs; // 120000
 * ```
 */
export function parseRemoteSpec(url: string): RemoteSpec {
  const parsed = tryParseRemoteSpec(url);
  if (!parsed.ok) {
    throw new KustomizeError('InvalidKustomization', `invalid git URL '${url}': ${parsed.reason}`, {
      data: { url, reason: parsed.reason },
    });
  }
  return parsed.spec;
}

function parseUnchecked(raw: string): RemoteSpec {
  if (raw.startsWith('/')) throw new ParseFailure(`uri looks like abs path: ${raw}`);
  const q = raw.indexOf('?');
  const beforeQuery = q < 0 ? raw : raw.slice(0, q);
  const { ref, timeoutMs, submodules } = parseQuery(q < 0 ? '' : raw.slice(q + 1));
  const { host, rest } = extractHost(beforeQuery);
  const { repoPath, kustRootPath } = parsePathParts(rest, host.startsWith(FILE_SCHEME));
  return {
    raw,
    host,
    repoPath,
    kustRootPath,
    ref,
    timeoutMs,
    submodules,
    cloneUrl: host + repoPath,
  };
}

function parseQuery(query: string): Pick<RemoteSpec, 'ref' | 'timeoutMs' | 'submodules'> {
  const values = parseGoQuery(query);
  const out = { ref: '', timeoutMs: DEFAULT_REMOTE_TIMEOUT_MS, submodules: true };
  if (!values) return out;
  const get = (k: string) => values.get(k)?.[0] ?? '';
  out.ref = get('ref') !== '' ? get('ref') : get('version');
  const timeout = get('timeout');
  if (timeout !== '') {
    const secs = goAtoi(timeout);
    const ns = goParseDuration(timeout);
    if (secs !== undefined && secs > 0) out.timeoutMs = secs * 1000;
    else if (ns !== undefined && ns > 0) out.timeoutMs = ns / 1e6;
  }
  const submodules = get('submodules');
  if (submodules !== '') out.submodules = goParseBool(submodules) ?? true;
  return out;
}

function trimPrefixIgnoreCase(s: string, prefix: string): string | undefined {
  return s.slice(0, prefix.length).toLowerCase() === prefix ? s.slice(prefix.length) : undefined;
}

function extractHost(input: string): { host: string; rest: string } {
  let n = trimPrefixIgnoreCase(input, 'git::') ?? input;
  let scheme = '';
  for (const prefix of SCHEMES) {
    const rest = trimPrefixIgnoreCase(n, prefix);
    if (rest !== undefined) {
      scheme = prefix;
      n = rest;
      break;
    }
  }
  const user = /^([a-zA-Z][a-zA-Z0-9-]*)@/.exec(n);
  let username = user ? `${user[1]}@` : '';
  n = n.slice(username.length);
  const lower = n.toLowerCase();
  const stdGithub = lower.startsWith('github.com/') || lower.startsWith('github.com:');
  const acceptScp = scheme === '' && (username !== '' || stdGithub);
  if (scheme === '' && !acceptScp) throw new ParseFailure('failed to parse scheme');
  if (scheme === FILE_SCHEME) return { host: scheme, rest: username + n };
  let host = n;
  let rest = '';
  const sep = findPathSeparator(n, acceptScp);
  if (sep >= 0) {
    host = n.slice(0, sep + 1);
    rest = n.slice(sep + 1);
  }
  if (stdGithub) {
    if (scheme.startsWith('ssh://') || username !== '') {
      scheme = '';
      host = 'github.com:';
    } else {
      scheme = 'https://';
      username = '';
      host = 'github.com/';
    }
  }
  if (host === '') throw new ParseFailure('failed to parse host segment');
  return { host: scheme + username + host, rest };
}

function findPathSeparator(hostPath: string, acceptScp: boolean): number {
  let sep = hostPath.indexOf('/');
  if (acceptScp) {
    // In SCP-style URLs a colon delimits the path, unless a slash comes first.
    const colon = hostPath.indexOf(':');
    if (sep === -1 || (colon > 0 && colon < sep)) sep = colon;
  }
  return sep;
}

function parsePathParts(n: string, isFile: boolean): { repoPath: string; kustRootPath: string } {
  const split = explicitMarkerSplit(n) ?? defaultLengthSplit(n, isFile);
  if (!split || split[0] === '') throw new ParseFailure('failed to parse repo path segment');
  const [repoPath, kustRootPath] = split;
  const cleaned = normalizePath(
    kustRootPath.startsWith('/') ? kustRootPath.slice(1) : kustRootPath,
  );
  if (cleaned.split('/')[0] === '..') throw new ParseFailure(`url path exits repo: ${n}`);
  return {
    repoPath,
    kustRootPath: kustRootPath.startsWith('/') ? kustRootPath.slice(1) : kustRootPath,
  };
}

function explicitMarkerSplit(n: string): [string, string] | undefined {
  const gitRoot = n.indexOf(GIT_ROOT_DELIMITER);
  if (gitRoot >= 0) {
    const end = gitRoot + GIT_ROOT_DELIMITER.length;
    const segments = n.slice(end).split('/');
    return [n.slice(0, end) + (segments[0] ?? ''), segments.slice(1).join('/')];
  }
  const doubleSlash = n.indexOf('//');
  if (doubleSlash >= 0) return [n.slice(0, doubleSlash), n.slice(doubleSlash + 2)];
  const suffix = n.indexOf(GIT_SUFFIX);
  if (suffix >= 0) {
    const end = suffix + GIT_SUFFIX.length;
    return [n.slice(0, end), n.slice(end)];
  }
  return undefined;
}

function defaultLengthSplit(n: string, isFile: boolean): [string, string] | undefined {
  if (isFile) return [n, ''];
  const segments = n.split('/');
  if (segments.length < 2) return undefined;
  return [segments.slice(0, 2).join('/'), segments.slice(2).join('/')];
}

/**
 * The origin path kustomize records for a remote base (`Origin.Append`): the kustomization
 * directory relative to the repository — or, reproducing kustomize, `notCloned` for the
 * repository root.
 */
export function remoteOriginPath(spec: RemoteSpec): string {
  const abs = normalizePath(`/notCloned/${spec.kustRootPath}`);
  const i = abs.slice(1).indexOf('/');
  return abs.slice(i + 1).slice(1);
}
