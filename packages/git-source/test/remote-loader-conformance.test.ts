import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createMemoryRemoteLoader } from '@kustomate/kustomize-core';
import {
  describeRemoteLoaderConformance,
  REMOTE_LOADER_FIXTURE as F,
} from '@kustomate/git-source/conformance';
import { createGitRemoteLoader } from '../src/node.js';
import { createBareRepo, startGitHttpServer, type GitHttpServer } from './git-http-server.js';

describeRemoteLoaderConformance('createMemoryRemoteLoader', {
  setup: () => ({
    loader: createMemoryRemoteLoader({
      repos: { 'https://example.com/org/repo.git': { v1: F.v1, '': F.head } },
      files: { 'https://example.com/files/cm.yaml': F.file },
    }),
    repoUrl: 'https://example.com/org/repo.git',
    missingRepoUrl: 'https://example.com/org/missing.git',
    fileUrl: 'https://example.com/files/cm.yaml',
    missingFileUrl: 'https://example.com/files/missing.yaml',
  }),
});

describe('over git http-backend on 127.0.0.1', () => {
  let root: string;
  let server: GitHttpServer;
  describeRemoteLoaderConformance('createGitRemoteLoader (http)', {
    async setup() {
      root = mkdtempSync(join(tmpdir(), 'kustomate-conformance-'));
      const projects = join(root, 'projects');
      mkdirSync(projects);
      createBareRepo(projects, 'repo.git', [{ files: F.v1, tags: ['v1'] }, { files: F.head }]);
      server = await startGitHttpServer(projects);
      server.files.set('/files/cm.yaml', F.file);
      return {
        loader: createGitRemoteLoader({ cacheDir: join(root, 'cache') }),
        repoUrl: `${server.url}/repo.git`,
        missingRepoUrl: `${server.url}/missing.git`,
        fileUrl: `${server.url}/files/cm.yaml`,
        missingFileUrl: `${server.url}/files/missing.yaml`,
      };
    },
    async teardown() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  });

  describeRemoteLoaderConformance('createGitRemoteLoader (file://)', {
    setup() {
      const dir = mkdtempSync(join(tmpdir(), 'kustomate-conformance-file-'));
      createBareRepo(dir, 'repo.git', [{ files: F.v1, tags: ['v1'] }, { files: F.head }]);
      const files = createMemoryRemoteLoader({
        files: { 'https://example.com/files/cm.yaml': F.file },
      });
      const git = createGitRemoteLoader({ cacheDir: join(dir, 'cache') });
      root = dir;
      return {
        // file:// repositories through git; http files from memory (no server needed).
        loader: { fetchRepo: git.fetchRepo, fetchFile: files.fetchFile },
        repoUrl: `file://${dir}/repo.git`,
        missingRepoUrl: `file://${dir}/missing.git`,
        fileUrl: 'https://example.com/files/cm.yaml',
        missingFileUrl: 'https://example.com/files/missing.yaml',
      };
    },
    teardown() {
      rmSync(root, { recursive: true, force: true });
    },
  });
});
