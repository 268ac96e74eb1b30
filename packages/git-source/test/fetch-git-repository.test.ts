import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitSourceError } from '../src/index.js';
import { createGitRepositorySource, fetchGitRepository } from '../src/node.js';
import {
  createBareRepo,
  gitCli,
  startGitHttpServer,
  writeTree,
  type GitHttpServer,
} from './git-http-server.js';
import { startGitProxy, type GitProxyServer } from './git-proxy-server.js';

const SHA = /^[0-9a-f]{40}$/;

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => {
      const path = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listTree(dir, path) : [path];
    })
    .sort();
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof GitSourceError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('fetchGitRepository', () => {
  let root: string;
  let work: string;
  let server: GitHttpServer;
  let proxy: GitProxyServer;
  let url: string;
  const commits: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-gitrepo-'));
    work = mkdtempSync(join(tmpdir(), 'kustomate-gitrepo-work-'));
    const bare = createBareRepo(root, 'repo.git', [
      { files: { 'app/cm.yaml': 'v: 1\n' }, tags: ['v1.0.0'] },
      { files: { 'app/cm.yaml': 'v: 2\n' }, annotated: ['v1.2.0'] },
      { files: { 'app/cm.yaml': 'v: 3\n' }, tags: ['v1.3.0-rc.1'] },
      {
        files: {
          'app/cm.yaml': 'v: 4\n',
          'logo.png': 'png',
          '.github/workflows/ci.yaml': 'on: push\n',
          '.gitignore': 'x\n',
          'run.sh': '#!/bin/sh\n',
        },
        tags: ['v2.0.0'],
      },
    ]);
    for (const ref of ['v1.0.0', 'v1.2.0^{}', 'v1.3.0-rc.1', 'v2.0.0']) {
      commits.push(gitCli(bare, 'rev-parse', ref).trim());
    }
    gitCli(bare, 'branch', 'master', 'v1.0.0');
    gitCli(bare, 'update-ref', 'refs/pull/7/head', commits[1] ?? '');
    createBareRepo(root, 'ignored.git', [
      {
        files: {
          'keep.yaml': 'a\n',
          'logo.png': 'png',
          '.sourceignore': '# only this\n*.md\n',
          'docs/guide.md': 'g\n',
          'sub/.sourceignore': 'local.yaml\n!keep.md\n',
          'sub/local.yaml': 'l\n',
          'sub/keep.md': 'k\n',
          'local.yaml': 'root\n',
          '.gitattributes': '* text\n',
        },
      },
    ]);
    server = await startGitHttpServer(root);
    proxy = await startGitProxy(server.url);
    url = `${proxy.url}/repo.git`;
  });

  afterAll(async () => {
    await proxy.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  const fetchRepo = (options: Partial<Parameters<typeof fetchGitRepository>[0]> = {}) =>
    fetchGitRepository({ url, workDir: work, ...options });

  it('fetches a branch with a Flux revision, digest, tree and archive', async () => {
    const artifact = await fetchRepo({ ref: { branch: 'main' } });
    expect(artifact.revision).toBe(`main@sha1:${commits[3]}`);
    expect(artifact.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(listTree(artifact.dir)).toEqual(['app/cm.yaml', 'run.sh']);
    expect(readFileSync(join(artifact.dir, 'app/cm.yaml'), 'utf8')).toBe('v: 4\n');
    const listing = execFileSync('tar', ['-tvzf', artifact.archive], { encoding: 'utf8' });
    expect(
      listing
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['drwxr-x--- 0/0', '-rw------- 0/0', '-rw------- 0/0']);
  });

  it('defaults to branch master', async () => {
    const artifact = await fetchRepo();
    expect(artifact.revision).toBe(`master@sha1:${commits[0]}`);
  });

  it('resolves tags (annotated ones peeled), semver ranges and name refs', async () => {
    expect((await fetchRepo({ ref: { tag: 'v1.2.0' } })).revision).toBe(
      `v1.2.0@sha1:${commits[1]}`,
    );
    expect((await fetchRepo({ ref: { semver: '>=1.0.0 <2.0.0' } })).revision).toBe(
      `v1.2.0@sha1:${commits[1]}`,
    );
    expect((await fetchRepo({ ref: { semver: '>=1.3.0-rc.0 <2.0.0' } })).revision).toBe(
      `v1.3.0-rc.1@sha1:${commits[2]}`,
    );
    expect((await fetchRepo({ ref: { name: 'refs/pull/7/head' } })).revision).toBe(
      `refs/pull/7/head@sha1:${commits[1]}`,
    );
  });

  it('gives commit the highest precedence; a bare commit has a sha1-only revision', async () => {
    const commit = commits[2] ?? '';
    expect(commit).toMatch(SHA);
    expect((await fetchRepo({ ref: { commit } })).revision).toBe(`sha1:${commit}`);
    const both = await fetchRepo({ ref: { branch: 'main', tag: 'v1.0.0', commit } });
    expect(both.revision).toBe(`main@sha1:${commit}`);
    expect((await fetchRepo({ ref: { branch: 'main', tag: 'v1.0.0' } })).revision).toBe(
      `v1.0.0@sha1:${commits[0]}`,
    );
  });

  it('reports missing refs and unmatched ranges by code', async () => {
    expect(await codeOf(fetchRepo({ ref: { branch: 'nope' } }))).toBe('RefNotFound');
    expect(await codeOf(fetchRepo({ ref: { commit: 'f'.repeat(40) } }))).toBe('RefNotFound');
    expect(await codeOf(fetchRepo({ ref: { semver: '>=9' } }))).toBe('SemverNoMatch');
    expect(await codeOf(fetchRepo({ url: 'ssh://git@host/repo' }))).toBe('UnsupportedProtocol');
  });

  it('applies .sourceignore files per directory and spec.ignore, without the defaults', async () => {
    const repo = `${proxy.url}/ignored.git`;
    const plain = await fetchGitRepository({ url: repo, workDir: work, ref: { branch: 'main' } });
    expect(listTree(plain.dir)).toEqual([
      '.sourceignore',
      'keep.yaml',
      'local.yaml',
      'logo.png',
      'sub/.sourceignore',
      'sub/keep.md',
    ]);
    const more = await fetchGitRepository({
      url: repo,
      workDir: work,
      ref: { branch: 'main' },
      ignore: '/*\n!/sub/\n',
    });
    expect(listTree(more.dir)).toEqual(['sub/.sourceignore', 'sub/keep.md']);
  });

  it('reuses the clone when nothing changed and fetches new commits incrementally', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kustomate-gitrepo-cache-'));
    try {
      const posts = () => proxy.requests.filter((r) => r.line.startsWith('POST')).length;
      const first = await fetchRepo({ ref: { branch: 'main' }, workDir: cacheDir });
      const before = posts();
      const again = await fetchRepo({ ref: { branch: 'main' }, workDir: cacheDir });
      expect(posts()).toBe(before);
      expect(again).toEqual(first);

      const clone = mkdtempSync(join(tmpdir(), 'kustomate-gitrepo-push-'));
      gitCli(clone, 'clone', '-q', join(root, 'repo.git'), '.');
      writeTree(clone, { 'app/new.yaml': 'new\n' });
      gitCli(clone, 'add', '-A');
      gitCli(clone, 'commit', '-qm', 'new');
      gitCli(clone, 'push', '-q', 'origin', 'main');
      const head = gitCli(clone, 'rev-parse', 'HEAD').trim();
      rmSync(clone, { recursive: true, force: true });

      const next = await fetchRepo({ ref: { branch: 'main' }, workDir: cacheDir });
      expect(next.revision).toBe(`main@sha1:${head}`);
      expect(next.digest).not.toBe(first.digest);
      const newPosts = proxy.requests.filter((r) => r.line.startsWith('POST')).slice(before);
      expect(newPosts).toHaveLength(1);
      expect(newPosts[0]?.body).toContain(`have ${commits[3]}`);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('gives equal digests for equal content in different work directories', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kustomate-gitrepo-other-'));
    try {
      const a = await fetchRepo({ ref: { tag: 'v1.0.0' } });
      const b = await fetchRepo({ ref: { tag: 'v1.0.0' }, workDir: other });
      expect(b.digest).toBe(a.digest);
      expect(readFileSync(b.archive)).toEqual(readFileSync(a.archive));
      expect(existsSync(b.dir)).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('fetchGitRepository auth', () => {
  let root: string;
  let work: string;
  let server: GitHttpServer;
  const secretPassword = 's3cr3t-p4ss';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-gitauth-'));
    work = mkdtempSync(join(tmpdir(), 'kustomate-gitauth-work-'));
    createBareRepo(root, 'repo.git', [{ files: { 'a.yaml': 'a\n' } }]);
    server = await startGitHttpServer(root);
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('sends basic credentials from base64 data', async () => {
    const basic = `Basic ${Buffer.from(`bob:${secretPassword}`).toString('base64')}`;
    const proxy = await startGitProxy(server.url, basic);
    try {
      const secret = {
        data: {
          username: Buffer.from('bob').toString('base64'),
          password: Buffer.from(secretPassword).toString('base64'),
        },
      };
      const artifact = await fetchGitRepository({
        url: `${proxy.url}/repo.git`,
        ref: { branch: 'main' },
        auth: { secret },
        workDir: work,
      });
      expect(listTree(artifact.dir)).toEqual(['a.yaml']);
    } finally {
      await proxy.close();
    }
  });

  it('sends a bearer token from stringData', async () => {
    const proxy = await startGitProxy(server.url, 'Bearer tok-123');
    try {
      const artifact = await fetchGitRepository({
        url: `${proxy.url}/repo.git`,
        ref: { branch: 'main' },
        auth: { secret: { stringData: { bearerToken: 'tok-123' } } },
        workDir: work,
      });
      expect(artifact.revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    } finally {
      await proxy.close();
    }
  });

  it('fails with AuthFailed on wrong credentials, never showing the password', async () => {
    const proxy = await startGitProxy(server.url, 'Bearer right');
    try {
      const error = await fetchGitRepository({
        url: `${proxy.url}/repo.git`,
        ref: { branch: 'main' },
        auth: { secret: { stringData: { username: 'bob', password: secretPassword } } },
        workDir: work,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GitSourceError);
      expect((error as GitSourceError).code).toBe('AuthFailed');
      const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
      expect(text).not.toContain(secretPassword);
      expect(text).not.toContain(Buffer.from(`bob:${secretPassword}`).toString('base64'));
    } finally {
      await proxy.close();
    }
  });
});

describe('createGitRepositorySource', () => {
  it('serves the artifact tree through a FileSystem', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kustomate-gitsource-'));
    const server = await startGitHttpServer(root);
    try {
      createBareRepo(root, 'r.git', [{ files: { 'k/cm.yaml': 'c\n' } }]);
      const source = createGitRepositorySource({ workDir: join(root, 'work') });
      const artifact = await source.fetch(
        { url: `${server.url}/r.git`, ref: { branch: 'main' } },
        {},
      );
      expect(artifact.revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
      expect(new TextDecoder().decode(artifact.fs.readFile(join(artifact.root, 'k/cm.yaml')))).toBe(
        'c\n',
      );
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('fetchGitRepository include and concurrency', () => {
  let root: string;
  let server: GitHttpServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-gitinclude-'));
    createBareRepo(root, 'app.git', [
      { files: { 'app/cm.yaml': 'app\n', 'shared/x.yaml': 'old\n' } },
    ]);
    createBareRepo(root, 'lib.git', [
      { files: { 'deploy/x.yaml': 'new\n', 'deploy/y.yaml': 'y\n', 'other.yaml': 'o\n' } },
    ]);
    server = await startGitHttpServer(root);
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('copies included artifacts to toPath, overriding files', async () => {
    const workDir = join(root, 'work');
    const lib = await fetchGitRepository({
      url: `${server.url}/lib.git`,
      ref: { branch: 'main' },
      workDir,
    });
    const app = await fetchGitRepository({
      url: `${server.url}/app.git`,
      ref: { branch: 'main' },
      workDir,
      include: [{ dir: lib.dir, fromPath: 'deploy', toPath: 'shared' }],
    });
    expect(listTree(app.dir)).toEqual(['app/cm.yaml', 'shared/x.yaml', 'shared/y.yaml']);
    expect(readFileSync(join(app.dir, 'shared/x.yaml'), 'utf8')).toBe('new\n');
    const missing = fetchGitRepository({
      url: `${server.url}/app.git`,
      ref: { branch: 'main' },
      workDir,
      include: [{ dir: lib.dir, fromPath: 'nope', toPath: 'x' }],
    });
    expect(await codeOf(missing)).toBe('IncludeUnavailable');
  });

  it('serves concurrent fetches of one repository from one clone', async () => {
    const workDir = join(root, 'concurrent');
    const posts = () => server.requests.filter((r) => r.startsWith('POST /app.git')).length;
    const before = posts();
    const results = await Promise.all(
      ['main', 'main', 'main'].map((branch) =>
        fetchGitRepository({ url: `${server.url}/app.git`, ref: { branch }, workDir }),
      ),
    );
    expect(new Set(results.map((r) => r.digest)).size).toBe(1);
    expect(posts() - before).toBe(1);
  });
});
