import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeHttp from 'isomorphic-git/http/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build, KustomizeError } from '@kustomate/kustomize-core';
import { createNodeFs } from '@kustomate/vfs/node';
import { GitSourceError } from '../src/index.js';
import { createGitRemoteLoader } from '../src/node.js';
import {
  createBareRepo,
  hasGit,
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

/**
 * What `kubectl kustomize dir` prints (it clones with the git CLI over loopback). Async: the
 * git server runs in this process.
 */
async function kubectlKustomize(dir: string): Promise<string> {
  const { stdout } = await promisify(execFile)('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

describe('remote bases over git smart HTTP on 127.0.0.1', () => {
  let root: string;
  let server: GitHttpServer;
  const oracle = hasKubectl();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-remote-'));
    const projects = join(root, 'projects');
    execFileSync('mkdir', ['-p', projects]);
    createBareRepo(projects, 'repo.git', [
      {
        files: {
          'kustomization.yaml': 'resources: [top.yaml]\n',
          'top.yaml': cm('top', 'one'),
          'base/kustomization.yaml':
            'namePrefix: base-\nresources: [cm.yaml]\nconfigMapGenerator: [{name: gen, literals: [k=v1]}]\n',
          'base/cm.yaml': cm('cm', 'one'),
          'overlay/kustomization.yaml': 'resources: [../base]\nnameSuffix: -o\n',
        },
        tags: ['v1'],
      },
      {
        files: {
          'kustomization.yaml': 'resources: [top.yaml]\n',
          'top.yaml': cm('top', 'two'),
          'base/kustomization.yaml': 'namePrefix: base-\nresources: [cm.yaml]\n',
          'base/cm.yaml': cm('cm', 'two'),
        },
        annotated: ['v2'],
      },
    ]);
    server = await startGitHttpServer(projects);
    server.files.set('/files/extra.yaml', cm('extra', 'http'));
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
    const result = await build({
      fs: createNodeFs(),
      path: dir,
      remote: createGitRemoteLoader({ cacheDir }),
    });
    return result.toYaml();
  }

  it('builds http://…/repo.git//base?ref=v1 like kubectl kustomize, then reuses the clone', async () => {
    const dir = app(
      'main',
      [
        'buildMetadata: [originAnnotations]',
        'resources:',
        `- ${server.url}/repo.git//base?ref=v1`,
        `- ${server.url}/repo.git//overlay?ref=v1&timeout=30`,
        `- ${server.url}/repo.git?version=v2`,
        `- ${server.url}/files/extra.yaml`,
        '',
      ].join('\n'),
    );
    const cacheDir = join(root, 'cache-main');
    const before = server.requests.length;
    const yaml = await ours(dir, cacheDir);
    const first = server.requests.slice(before);
    expect(yaml).toContain('name: base-cm\n');
    expect(yaml).toContain(`repo: ${server.url}/repo.git\n      ref: v1\n`);
    expect(yaml).toContain('name: base-cm-o\n');
    expect(yaml).toContain('v: two\n');
    if (oracle) expect(yaml).toBe(await kubectlKustomize(dir));
    // One shallow fetch per repository and ref: v1 (shared by base and overlay) and v2.
    expect(first.filter((r) => r.startsWith('POST')).length).toBe(2);

    const mark = server.requests.length;
    expect(await ours(dir, cacheDir)).toBe(yaml);
    const second = server.requests.slice(mark);
    // Only kustomize's file-first GETs and one ref advertisement per ref (v1 and v2 resolved
    // to their current commits, unchanged): no pack transfer.
    expect(second.filter((r) => r.startsWith('POST'))).toEqual([]);
    expect(second.filter((r) => r.includes('git-upload-pack'))).toEqual([
      'GET /repo.git/info/refs?service=git-upload-pack',
      'GET /repo.git/info/refs?service=git-upload-pack',
    ]);
  });

  it('builds file:// URLs from the local repository like kubectl kustomize', async () => {
    const dir = app(
      'file',
      `buildMetadata: [originAnnotations]\nresources:\n- file://${root}/projects/repo.git//base?ref=v1\n- file://${root}/projects/repo.git?ref=v2\n`,
    );
    const yaml = await ours(dir, join(root, 'cache-file'));
    expect(yaml).toContain('path: notCloned/top.yaml\n');
    if (oracle) expect(yaml).toBe(await kubectlKustomize(dir));
  });

  it('reports an unknown ref with the cause', async () => {
    const dir = app('badref', `resources:\n- ${server.url}/repo.git//base?ref=nope\n`);
    const error = await ours(dir, join(root, 'cache-bad')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomizeError);
    expect((error as KustomizeError).code).toBe('MissingFile');
    expect(((error as KustomizeError).cause as GitSourceError).code).toBe('RefNotFound');
  });

  it('refuses ssh URLs with a message naming what is supported', async () => {
    const dir = app('ssh', 'resources:\n- git@github.com:org/repo//base?ref=v1\n');
    const error = await ours(dir, join(root, 'cache-ssh')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomizeError);
    expect((error as KustomizeError).message).toContain('ssh URLs are not supported');
    expect((error as KustomizeError).message).toContain('https://, http:// and file://');
    expect(((error as KustomizeError).cause as GitSourceError).code).toBe('UnsupportedProtocol');
  });

  it('honours ?timeout= and leaves nothing in the cache', async () => {
    const dir = app('slow', `resources:\n- ${server.url}/hang/repo.git//base?timeout=300ms\n`);
    const cacheDir = join(root, 'cache-slow');
    const started = Date.now();
    const error = await ours(dir, cacheDir).catch((e: unknown) => e);
    expect(((error as KustomizeError).cause as GitSourceError).code).toBe('Timeout');
    expect((error as KustomizeError).message).toContain('timed out after 0.3s');
    expect(Date.now() - started).toBeLessThan(20_000);
    await vi.waitFor(() => expect(existsSync(cacheDir) ? readdirSync(cacheDir) : []).toEqual([]));
  });

  it('fetches through an injected isomorphic-git http client', async () => {
    const dir = app('inject', `resources:\n- ${server.url}/repo.git//base?ref=v1\n`);
    const seen: string[] = [];
    const result = await build({
      fs: createNodeFs(),
      path: dir,
      remote: createGitRemoteLoader({
        cacheDir: join(root, 'cache-inject'),
        http: {
          request: (request) => {
            seen.push(request.method ?? 'GET');
            return nodeHttp.request(request);
          },
        },
      }),
    });
    expect(result.resources.map((r) => (r.object.metadata as { name: string }).name)).toEqual([
      'base-cm',
      'base-gen-5k8t4666t7',
    ]);
    // The ref resolved (GET info/refs), then the shallow fetch (GET info/refs, POST).
    expect(seen).toEqual(['GET', 'GET', 'POST']);
  });
});

describe('test prerequisites', () => {
  it('has the git CLI with git http-backend (the source tests serve real repositories)', () => {
    expect(hasGit()).toBe(true);
  });
});
