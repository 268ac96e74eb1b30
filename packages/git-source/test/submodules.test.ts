import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, KustomizeError, parseRemoteSpec } from '@kustomate/kustomize-core';
import type { FileSystem } from '@kustomate/vfs';
import { createNodeFs } from '@kustomate/vfs/node';
import { GitSourceError } from '../src/index.js';
import { createGitRemoteLoader } from '../src/node.js';
import {
  createBareRepo,
  gitCli,
  startGitHttpServer,
  writeTree,
  type GitHttpServer,
} from './git-http-server.js';

const decoder = new TextDecoder();
const text = (fs: FileSystem, path: string) => decoder.decode(fs.readFile(path));
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function kubectlKustomize(dir: string): Promise<string> {
  const { stdout } = await promisify(execFile)('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/**
 * Creates `<projects>/<name>` as a bare repository of one commit tagged `v1`: `files`, plus a
 * gitlink (mode 160000) at each path of `links` to the given commit. Returns the commit id.
 */
function createRepoWithLinks(
  projects: string,
  name: string,
  files: Record<string, string>,
  links: Record<string, string> = {},
): string {
  const work = mkdtempSync(join(tmpdir(), 'kustomate-git-super-'));
  gitCli(work, 'init', '-q', '-b', 'main');
  writeTree(work, files);
  gitCli(work, 'add', '-A');
  for (const [path, commit] of Object.entries(links)) {
    gitCli(work, 'update-index', '--add', '--cacheinfo', `160000,${commit},${path}`);
  }
  gitCli(work, 'commit', '-qm', `commit ${name}`);
  gitCli(work, 'tag', 'v1');
  const bare = join(projects, name);
  gitCli(projects, 'clone', '-q', '--bare', work, bare);
  rmSync(work, { recursive: true, force: true });
  return gitCli(bare, 'rev-parse', 'HEAD').trim();
}

describe('submodules over git smart HTTP on 127.0.0.1', () => {
  let root: string;
  let projects: string;
  let server: GitHttpServer;
  const oracle = hasKubectl();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-submodules-'));
    projects = join(root, 'projects');
    mkdirSync(projects);
    // deep.git ← lib.git (submodule `deep`) ← super.git (submodule `vendor/lib`).
    createBareRepo(projects, 'deep.git', [
      { files: { 'kustomization.yaml': 'resources: [cm.yaml]\n', 'cm.yaml': cm('deep') } },
    ]);
    // A later commit that the gitlink does not point to: the submodule must stay at its link.
    const deep = gitCli(join(projects, 'deep.git'), 'rev-parse', 'HEAD').trim();
    createBareRepo(projects, 'deep-moved.git', [{ files: { 'moved.yaml': cm('moved') } }]);
    const lib = createRepoWithLinks(
      projects,
      'lib.git',
      {
        '.gitmodules': '[submodule "deep"]\n\tpath = deep\n\turl = ./../deep.git\n',
        'base/kustomization.yaml': 'namePrefix: lib-\nresources: [cm.yaml, ../deep]\n',
        'base/cm.yaml': cm('lib'),
        'comp/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [extra.yaml]\nnameSuffix: -c\ncommonAnnotations: {from: comp}\n',
        'comp/extra.yaml': cm('extra'),
      },
      { deep },
    );
    createRepoWithLinks(
      projects,
      'super.git',
      {
        '.gitmodules': [
          '# submodules of super',
          '[submodule "lib"]',
          '\tpath = "vendor/lib"  ; quoted',
          '\turl = ../lib.git',
          '[submodule "skipped"]',
          '\tpath = skipped',
          '\turl = ../does-not-exist.git',
          '\tupdate = none',
          '[submodule "unlinked"]',
          '\tpath = unlinked',
          '\turl = ../does-not-exist.git',
          '',
        ].join('\n'),
        'app/kustomization.yaml': 'resources: [top.yaml, ../vendor/lib/base]\n',
        'app/top.yaml': cm('top'),
      },
      { 'vendor/lib': lib, skipped: lib },
    );
    createRepoWithLinks(projects, 'orphan.git', { 'top.yaml': cm('top') }, { 'vendor/x': lib });
    server = await startGitHttpServer(projects);
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  function app(name: string, kustomization: string): string {
    const dir = join(root, 'apps', name);
    writeTree(dir, { 'kustomization.yaml': kustomization });
    return dir;
  }

  async function ours(dir: string, cacheDir: string) {
    const remote = createGitRemoteLoader({ cacheDir });
    return (await build({ fs: createNodeFs(), path: dir, remote })).toYaml();
  }

  it('fetches submodules recursively at their gitlinks, like kubectl kustomize', async () => {
    const dir = app(
      'super',
      `buildMetadata: [originAnnotations]\nresources:\n- ${server.url}/super.git//app?ref=v1\n`,
    );
    const cacheDir = join(root, 'cache-super');
    const before = server.requests.length;
    const yaml = await ours(dir, cacheDir);
    expect(yaml).toContain('name: lib-deep\n');
    expect(yaml).toContain('path: vendor/lib/base/cm.yaml\n');
    expect(yaml).toContain(`repo: ${server.url}/super.git\n`);
    if (oracle) expect(yaml).toBe(await kubectlKustomize(dir));
    const fetched = server.requests.slice(before).filter((r) => r.includes('upload-pack'));
    expect(fetched.some((r) => r.includes('/lib.git/'))).toBe(true);
    expect(fetched.some((r) => r.includes('/deep.git/'))).toBe(true);
    expect(fetched.some((r) => r.includes('does-not-exist'))).toBe(false);

    const mark = server.requests.length;
    expect(await ours(dir, cacheDir)).toBe(yaml);
    // v1 of super.git resolved (one GET info/refs), unchanged: nothing fetched.
    expect(server.requests.slice(mark).filter((r) => r.startsWith('POST'))).toEqual([]);
  });

  it('applies a remote component found in a submodule, like kubectl kustomize', async () => {
    const dir = app(
      'component',
      [
        'buildMetadata: [originAnnotations, transformerAnnotations]',
        'resources:',
        '- local.yaml',
        `- ${server.url}/super.git//app?ref=v1`,
        'components:',
        `- ${server.url}/super.git//vendor/lib/comp?ref=v1`,
        '',
      ].join('\n'),
    );
    writeTree(dir, { 'local.yaml': cm('local') });
    const yaml = await ours(dir, join(root, 'cache-component'));
    expect(yaml).toContain('name: local-c\n');
    expect(yaml).toContain('path: vendor/lib/comp/extra.yaml\n');
    if (oracle) expect(yaml).toBe(await kubectlKustomize(dir));
  });

  it('fetches each submodule commit once per cache, whichever superproject needs it', async () => {
    const cacheDir = join(root, 'cache-shared');
    const loader = createGitRemoteLoader({ cacheDir });
    await loader.fetchRepo(parseRemoteSpec(`${server.url}/super.git?ref=v1`), {});
    const mark = server.requests.length;
    const lib = await loader.fetchRepo(parseRemoteSpec(`${server.url}/lib.git?ref=v1`), {});
    const libFetches = server.requests.slice(mark).filter((r) => r.includes('upload-pack'));
    // lib.git's v1 resolves to the commit super's gitlink names, already cached with its
    // submodules: only lib.git's refs are read, and nothing is fetched.
    expect(libFetches).toEqual(['GET /lib.git/info/refs?service=git-upload-pack']);
    expect(text(lib.fs, `${lib.root}/deep/cm.yaml`)).toBe(cm('deep'));
    // Three entries: super with submodules, lib at its commit (shared by lib@v1), deep.
    expect(readdirSync(cacheDir).sort()).toHaveLength(3);
  });

  it('leaves submodules out with ?submodules=false, cached apart', async () => {
    const cacheDir = join(root, 'cache-nosub');
    const loader = createGitRemoteLoader({ cacheDir });
    const without = await loader.fetchRepo(
      parseRemoteSpec(`${server.url}/super.git?ref=v1&submodules=false`),
      {},
    );
    expect(without.fs.stat(`${without.root}/app/top.yaml`)?.isFile).toBe(true);
    expect(without.fs.stat(`${without.root}/vendor/lib/base`)).toBeUndefined();
    const withSubs = await loader.fetchRepo(parseRemoteSpec(`${server.url}/super.git?ref=v1`), {});
    expect(withSubs.root).not.toBe(without.root);
    expect(withSubs.fs.stat(`${withSubs.root}/vendor/lib/base/cm.yaml`)?.isFile).toBe(true);
    expect(withSubs.fs.stat(`${withSubs.root}/vendor/lib/deep/cm.yaml`)?.isFile).toBe(true);
    expect(withSubs.fs.stat(`${withSubs.root}/skipped/base`)).toBeUndefined();
    expect(existsSync(join(withSubs.root, 'vendor/lib/.git'))).toBe(false);

    const dir = app(
      'nosub',
      `resources:\n- ${server.url}/super.git//app?ref=v1&submodules=false\n`,
    );
    const error = await ours(dir, cacheDir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomizeError);
    if (oracle) {
      const kubectl = await kubectlKustomize(dir).catch((e: { stderr: string }) => e.stderr);
      expect(kubectl).toContain('vendor/lib/base');
    }
  });

  it('resolves relative submodule URLs against a file:// superproject', async () => {
    const loader = createGitRemoteLoader({ cacheDir: join(root, 'cache-file') });
    const repo = await loader.fetchRepo(parseRemoteSpec(`file://${projects}/super.git?ref=v1`), {});
    expect(text(repo.fs, `${repo.root}/vendor/lib/deep/cm.yaml`)).toBe(cm('deep'));
    expect(text(repo.fs, `${repo.root}/vendor/lib/base/cm.yaml`)).toBe(cm('lib'));
  });

  it('fails on a gitlink that .gitmodules does not name, leaving nothing cached', async () => {
    const cacheDir = join(root, 'cache-orphan');
    const loader = createGitRemoteLoader({ cacheDir });
    const error = await loader
      .fetchRepo(parseRemoteSpec(`${server.url}/orphan.git?ref=v1`), {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitSourceError);
    expect((error as GitSourceError).code).toBe('FetchFailed');
    expect((error as GitSourceError).message).toContain(
      "no URL found for submodule path 'vendor/x' in .gitmodules",
    );
    expect(readdirSync(cacheDir)).toEqual([]);
    const plain = await loader.fetchRepo(
      parseRemoteSpec(`${server.url}/orphan.git?ref=v1&submodules=false`),
      {},
    );
    expect(text(plain.fs, `${plain.root}/top.yaml`)).toBe(cm('top'));
  });

  it('reports a submodule that cannot be fetched with its URL', async () => {
    const loader = createGitRemoteLoader({ cacheDir: join(root, 'cache-missing') });
    const lib = gitCli(join(projects, 'lib.git'), 'rev-parse', 'HEAD').trim();
    createRepoWithLinks(
      projects,
      'broken.git',
      { '.gitmodules': '[submodule "gone"]\n\tpath = gone\n\turl = ../gone.git\n' },
      { gone: lib },
    );
    const failure = await loader
      .fetchRepo(parseRemoteSpec(`${server.url}/broken.git?ref=v1`), {})
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GitSourceError);
    expect((failure as GitSourceError).message).toContain(`${server.url}/gone.git`);
  });

  it('refuses an ssh submodule URL with UnsupportedProtocol', async () => {
    const lib = gitCli(join(projects, 'lib.git'), 'rev-parse', 'HEAD').trim();
    createRepoWithLinks(
      projects,
      'ssh-sub.git',
      { '.gitmodules': '[submodule "s"]\n\tpath = s\n\turl = git@github.com:org/lib.git\n' },
      { s: lib },
    );
    const loader = createGitRemoteLoader({ cacheDir: join(root, 'cache-ssh') });
    const failure = await loader
      .fetchRepo(parseRemoteSpec(`${server.url}/ssh-sub.git?ref=v1`), {})
      .catch((e: unknown) => e);
    expect((failure as GitSourceError).code).toBe('UnsupportedProtocol');
  });

  it('applies the URL timeout to submodule fetches and leaves nothing cached', async () => {
    const lib = gitCli(join(projects, 'lib.git'), 'rev-parse', 'HEAD').trim();
    createRepoWithLinks(
      projects,
      'slow-sub.git',
      { '.gitmodules': `[submodule "s"]\n\tpath = s\n\turl = ${server.url}/hang/lib.git\n` },
      { s: lib },
    );
    const cacheDir = join(root, 'cache-slow');
    const loader = createGitRemoteLoader({ cacheDir });
    const started = Date.now();
    const failure = await loader
      .fetchRepo(parseRemoteSpec(`${server.url}/slow-sub.git?ref=v1&timeout=500ms`), {})
      .catch((e: unknown) => e);
    expect((failure as GitSourceError).code).toBe('Timeout');
    expect(Date.now() - started).toBeLessThan(20_000);
    await vi.waitFor(() => expect(readdirSync(cacheDir)).toEqual([]));
  });
});
