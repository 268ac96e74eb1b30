import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '@kustomate/kustomize-core';
import { createNodeFs } from '@kustomate/vfs/node';
import { createGitRemoteLoader } from '../src/node.js';
import {
  createBareRepo,
  gitCli,
  startGitHttpServer,
  writeTree,
  type GitHttpServer,
} from './git-http-server.js';

const cm = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${value}"\n`;

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What `kubectl kustomize dir` prints: it clones afresh with the git CLI on every build. */
async function kubectlKustomize(dir: string): Promise<string> {
  const { stdout } = await promisify(execFile)('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

describe('remote bases whose ref moves, over git smart HTTP', () => {
  let root: string;
  let projects: string;
  let server: GitHttpServer;
  const oracle = hasKubectl();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-moving-'));
    projects = join(root, 'projects');
    mkdirSync(projects, { recursive: true });
    server = await startGitHttpServer(projects);
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A served bare repository `name`.git whose `main` holds `base/` with one ConfigMap. */
  function repo(name: string): string {
    return createBareRepo(projects, `${name}.git`, [
      {
        files: {
          'base/kustomization.yaml': 'resources: [cm.yaml]\n',
          'base/cm.yaml': cm('cm', 'one'),
        },
        tags: ['v1'],
      },
    ]);
  }

  /** Pushes a commit changing `base/cm.yaml` to `branch` of `bare` (and moves `tag`, if given). */
  function push(bare: string, value: string, options: { branch?: string; tag?: string } = {}) {
    const branch = options.branch ?? 'main';
    const work = mkdtempSync(join(tmpdir(), 'kustomate-moving-work-'));
    try {
      gitCli(work, 'clone', '-q', bare, '.');
      writeTree(work, { 'base/cm.yaml': cm('cm', value) });
      gitCli(work, 'commit', '-qam', `cm ${value}`);
      gitCli(work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      if (options.tag !== undefined) {
        gitCli(work, 'tag', '-f', options.tag);
        gitCli(work, 'push', '-qf', 'origin', `refs/tags/${options.tag}`);
      }
      return gitCli(work, 'rev-parse', 'HEAD').trim();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  function app(name: string, resource: string): string {
    const dir = join(root, 'apps', name);
    writeTree(dir, { 'kustomization.yaml': `resources:\n- ${resource}\n` });
    return dir;
  }

  /** Builds `dir` with the loader, returning the YAML and the requests the server saw. */
  async function ours(dir: string, cacheDir: string) {
    const mark = server.requests.length;
    const result = await build({
      fs: createNodeFs(),
      path: dir,
      remote: createGitRemoteLoader({ cacheDir }),
    });
    const requests = server.requests.slice(mark);
    return {
      yaml: result.toYaml(),
      git: requests.filter((r) => r.includes('git-upload-pack')),
      posts: requests.filter((r) => r.startsWith('POST')),
    };
  }

  it('fetches the new commit when ?ref=main moves, like kubectl kustomize', async () => {
    const bare = repo('branch');
    const dir = app('branch', `${server.url}/branch.git//base?ref=main`);
    const cacheDir = join(root, 'cache-branch');

    const first = await ours(dir, cacheDir);
    expect(first.yaml).toContain('v: one\n');
    if (oracle) expect(first.yaml).toBe(await kubectlKustomize(dir));
    expect(first.posts).toEqual(['POST /branch.git/git-upload-pack']);

    // Unchanged ref: one ref advertisement, no pack transfer.
    const unchanged = await ours(dir, cacheDir);
    expect(unchanged.yaml).toBe(first.yaml);
    expect(unchanged.git).toEqual(['GET /branch.git/info/refs?service=git-upload-pack']);
    expect(unchanged.posts).toEqual([]);

    push(bare, 'two');
    const moved = await ours(dir, cacheDir);
    expect(moved.yaml).toContain('v: two\n');
    if (oracle) expect(moved.yaml).toBe(await kubectlKustomize(dir));
    expect(moved.posts).toEqual(['POST /branch.git/git-upload-pack']);

    // The new commit is cached in turn.
    const again = await ours(dir, cacheDir);
    expect(again.yaml).toBe(moved.yaml);
    expect(again.posts).toEqual([]);
  });

  it('follows HEAD (no ref) and a moved tag', async () => {
    const bare = repo('head');
    const head = app('head', `${server.url}/head.git//base`);
    const tag = app('tag', `${server.url}/head.git//base?ref=v1`);
    const cacheDir = join(root, 'cache-head');
    expect((await ours(head, cacheDir)).yaml).toContain('v: one\n');
    expect((await ours(tag, cacheDir)).yaml).toContain('v: one\n');

    push(bare, 'two', { tag: 'v1' });
    const movedHead = await ours(head, cacheDir);
    expect(movedHead.yaml).toContain('v: two\n');
    if (oracle) expect(movedHead.yaml).toBe(await kubectlKustomize(head));
    // HEAD and v1 now name the same commit: its checkout is shared, nothing fetched again.
    const movedTag = await ours(tag, cacheDir);
    expect(movedTag.yaml).toBe(movedHead.yaml);
    if (oracle) expect(movedTag.yaml).toBe(await kubectlKustomize(tag));
    expect(movedTag.posts).toEqual([]);
  });

  it('serves a full commit id from the cache without any git request', async () => {
    const bare = repo('sha');
    const commit = gitCli(bare, 'rev-parse', 'main').trim();
    const dir = app('sha', `${server.url}/sha.git//base?ref=${commit}`);
    const cacheDir = join(root, 'cache-sha');
    const first = await ours(dir, cacheDir);
    expect(first.yaml).toContain('v: one\n');
    push(bare, 'two');
    const second = await ours(dir, cacheDir);
    expect(second.yaml).toBe(first.yaml);
    expect(second.git).toEqual([]);
  });

  it('resolves a moved ref of a file:// repository locally', async () => {
    const bare = repo('local');
    const dir = app('local', `file://${bare}//base?ref=main`);
    const cacheDir = join(root, 'cache-local');
    const mark = server.requests.length;
    expect((await ours(dir, cacheDir)).yaml).toContain('v: one\n');
    push(bare, 'two');
    const moved = await ours(dir, cacheDir);
    expect(moved.yaml).toContain('v: two\n');
    if (oracle) expect(moved.yaml).toBe(await kubectlKustomize(dir));
    expect(server.requests.slice(mark)).toEqual([]);
  });
});
