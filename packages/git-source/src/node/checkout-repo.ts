import * as fs from 'node:fs';
import { dirname, join, posix } from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';
import { GitSourceError } from '../git-source-error.js';
import { gitTransport } from '../git-transport.js';
import { parseGitmodules, resolveSubmoduleUrl, type GitSubmodule } from '../gitmodules.js';
import type { CloneCache } from './clone-cache.js';
import { localCheckout, type CheckedOut } from './local-checkout.js';
import { shallowFetch } from './shallow-fetch.js';

/** The clone-cache variant of checkouts whose submodules were fetched too. */
export const WITH_SUBMODULES = 'submodules';

/** What {@link checkoutRepo} checks out where. */
export interface CheckoutRepoOptions {
  http: HttpClient | undefined;
  /** Where submodule checkouts are cached (keyed by URL and commit). */
  cache: CloneCache;
  url: string;
  /** Branch, tag or full commit id; `''` for the remote's HEAD. */
  ref: string;
  /** An empty directory to check out into. */
  dir: string;
  /** Whether to fetch submodules (recursively), as `git submodule update --init --recursive`. */
  submodules: boolean;
  signal: AbortSignal;
}

/**
 * kustomize's clone: `ref` of `url` checked out into `dir` (a shallow fetch over http(s), a
 * read of the local repository for `file://`), then, unless `submodules` is false, every
 * submodule of `.gitmodules` that has a gitlink in the commit, at that gitlink's commit,
 * recursively. Each submodule checkout is cached by URL and commit, so superprojects sharing
 * one fetch it once. Returns the commit checked out.
 */
export async function checkoutRepo(options: CheckoutRepoOptions): Promise<string> {
  const { http, url, ref, dir, signal } = options;
  const checkedOut =
    gitTransport(url) === 'file'
      ? await localCheckout({ url, ref, dir, signal })
      : await shallowFetch({ http, url, ref, dir, signal });
  if (options.submodules) await updateSubmodules(options, checkedOut);
  return checkedOut.commit;
}

async function updateSubmodules(options: CheckoutRepoOptions, at: CheckedOut): Promise<void> {
  const { cache, url, dir, signal } = options;
  const links = await gitlinks(at);
  if (links.size === 0) return;
  const modules = readGitmodules(dir, url);
  const byPath = new Map(modules.map((m) => [normalizeModulePath(m.path, url), m]));
  for (const [path, commit] of links) {
    signal.throwIfAborted();
    const module = byPath.get(path);
    if (!module) {
      throw new GitSourceError(
        'FetchFailed',
        `cannot fetch submodules of '${url}': no URL found for submodule path '${path}' in .gitmodules`,
        { data: { url } },
      );
    }
    if (module.update === 'none') continue;
    let subUrl: string;
    try {
      subUrl = resolveSubmoduleUrl(url, module.url);
    } catch (e) {
      throw new GitSourceError(
        'FetchFailed',
        `cannot fetch submodule '${module.name}' of '${url}': ${(e as Error).message}`,
        { data: { url }, cause: e },
      );
    }
    const cached = await cache.get(
      subUrl,
      commit,
      async (tmp) => {
        await checkoutRepo({ ...options, url: subUrl, ref: commit, dir: tmp });
      },
      WITH_SUBMODULES,
    );
    const target = join(dir, path);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(dirname(target), { recursive: true });
    fs.cpSync(cached, target, { recursive: true, verbatimSymlinks: true });
  }
}

/** The submodule entries (mode 160000) of a commit's tree: path → commit. */
async function gitlinks({ gitdir, commit }: CheckedOut): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  await git.walk({
    fs,
    gitdir,
    trees: [git.TREE({ ref: commit })],
    map: async (filepath, [entry]) => {
      if (!entry) return null;
      const type = await entry.type();
      if (type === 'commit') links.set(filepath, await entry.oid());
      return type === 'tree' ? true : null;
    },
  });
  return links;
}

function readGitmodules(dir: string, url: string): GitSubmodule[] {
  const file = join(dir, '.gitmodules');
  if (!fs.existsSync(file)) return [];
  try {
    return parseGitmodules(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new GitSourceError(
      'FetchFailed',
      `cannot fetch submodules of '${url}': ${(e as Error).message}`,
      { data: { url }, cause: e },
    );
  }
}

/** A `.gitmodules` path as a tree path; one leaving the checkout is refused, as git does. */
function normalizeModulePath(path: string, url: string): string {
  const normal = posix.normalize(path).replace(/\/+$/, '');
  if (normal === '.' || normal === '..' || normal.startsWith('../') || posix.isAbsolute(normal)) {
    throw new GitSourceError(
      'FetchFailed',
      `cannot fetch submodules of '${url}': submodule path '${path}' is outside the repository`,
      { data: { url } },
    );
  }
  return normal;
}
