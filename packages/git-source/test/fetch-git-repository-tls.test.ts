import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitSourceError } from '../src/index.js';
import { fetchGitRepository } from '../src/node.js';
import { createBareRepo, startGitHttpServer, type GitHttpServer } from './git-http-server.js';
import { startGitProxy, type GitProxyServer } from './git-proxy-server.js';

describe('fetchGitRepository over https', () => {
  let root: string;
  let server: GitHttpServer;
  let proxy: GitProxyServer;
  let cert: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kustomate-gittls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(root, 'key.pem'),
        '-out',
        join(root, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(root, 'cert.pem'), 'utf8');
    createBareRepo(root, 'repo.git', [{ files: { 'a.yaml': 'a\n' } }]);
    server = await startGitHttpServer(root);
    proxy = await startGitProxy(server.url, 'Bearer t', {
      key: readFileSync(join(root, 'key.pem'), 'utf8'),
      cert,
    });
  });

  afterAll(async () => {
    await proxy.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('trusts the secret ca.crt, and fails without it', async () => {
    const options = {
      url: `${proxy.url}/repo.git`,
      ref: { branch: 'main' },
      workDir: join(root, 'work'),
    };
    const artifact = await fetchGitRepository({
      ...options,
      auth: { secret: { stringData: { bearerToken: 't', 'ca.crt': cert } } },
    });
    expect(artifact.revision).toMatch(/^main@sha1:[0-9a-f]{40}$/);
    const error = await fetchGitRepository({
      ...options,
      auth: { secret: { stringData: { bearerToken: 't' } } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitSourceError);
    expect((error as GitSourceError).code).toBe('FetchFailed');
  });

  it('takes a CA bundle option', async () => {
    const artifact = await fetchGitRepository({
      url: `${proxy.url}/repo.git`,
      ref: { branch: 'main' },
      workDir: join(root, 'work2'),
      auth: { secret: { stringData: { bearerToken: 't' } }, caBundle: cert },
    });
    expect(artifact.digest).toMatch(/^sha256:/);
  });
});
