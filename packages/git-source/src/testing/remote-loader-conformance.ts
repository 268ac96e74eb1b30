import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  build,
  parseRemoteSpec,
  type FetchedRepo,
  type RemoteLoader,
  type RemoteSpec,
} from '@kustomate/kustomize-core';
import { createMemoryFs, normalizePath, type FileSystem } from '@kustomate/vfs';

const cm = (name: string, value: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  v: "${value}"\n`;

/**
 * What a {@link RemoteLoader} under test must serve for {@link describeRemoteLoaderConformance}:
 * one repository whose tag `v1` holds `v1` and whose HEAD (default branch) holds `head`, and
 * one http(s) file holding `file`.
 */
export const REMOTE_LOADER_FIXTURE = {
  v1: {
    'kustomization.yaml': 'resources: [top.yaml]\n',
    'top.yaml': cm('top', 'v1'),
    'base/kustomization.yaml': 'namePrefix: base-\nresources: [cm.yaml]\n',
    'base/cm.yaml': cm('cm', 'v1'),
    'base/nested/deep.yaml': cm('deep', 'v1'),
  },
  head: {
    'kustomization.yaml': 'resources: [top.yaml]\n',
    'top.yaml': cm('top', 'head'),
    'base/kustomization.yaml': 'namePrefix: base-\nresources: [cm.yaml]\n',
    'base/cm.yaml': cm('cm', 'head'),
  },
  file: cm('file', 'http'),
} as const satisfies {
  v1: Record<string, string>;
  head: Record<string, string>;
  file: string;
};

/** The loader under test and where it serves {@link REMOTE_LOADER_FIXTURE}. */
export interface RemoteLoaderConformanceTarget {
  loader: RemoteLoader;
  /** Clone URL of the fixture repository (as `RemoteSpec.cloneUrl` spells it). */
  repoUrl: string;
  /** Clone URL of a repository that does not exist. */
  missingRepoUrl: string;
  /** http(s) URL of the fixture file. */
  fileUrl: string;
  /** http(s) URL that answers 404. */
  missingFileUrl: string;
}

/** How {@link describeRemoteLoaderConformance} gets (and releases) its target. */
export interface RemoteLoaderConformanceOptions {
  /** Called once before the suite (start servers, create repositories). */
  setup: () => RemoteLoaderConformanceTarget | Promise<RemoteLoaderConformanceTarget>;
  /** Called once after the suite. */
  teardown?: () => void | Promise<void>;
}

const decoder = new TextDecoder();

/** Every file under `root` of a fetched repository (outside `.git`), relative to `root`. */
function filesOf({ fs, root }: FetchedRepo): Record<string, string> {
  const out: Record<string, string> = {};
  const top = normalizePath(root);
  const visit = (dir: string) => {
    for (const name of fs.readDir(dir)) {
      const path = `${dir}/${name}`;
      if (name === '.git') continue;
      if (fs.stat(path)?.isDirectory) visit(path);
      else out[path.slice(top.length + 1)] = decoder.decode(fs.readFile(path));
    }
  };
  visit(top);
  return out;
}

function spec(url: string, query = ''): RemoteSpec {
  return parseRemoteSpec(query === '' ? url : `${url}?${query}`);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/**
 * The shared conformance suite of the `RemoteLoader` port of `@kustomate/kustomize-core`:
 * every implementation (the memory one, `createGitRemoteLoader()`, yours) must pass it. It
 * registers a vitest `describe` block; the target serves {@link REMOTE_LOADER_FIXTURE}.
 *
 * @example
 * ```ts
 * import { createMemoryRemoteLoader } from '@kustomate/kustomize-core';
 * import { describeRemoteLoaderConformance, REMOTE_LOADER_FIXTURE as F } from '@kustomate/git-source/conformance';
 *
 * describeRemoteLoaderConformance('memory', {
 *   setup: () => ({
 *     loader: createMemoryRemoteLoader({
 *       repos: { 'https://example.com/org/repo.git': { v1: F.v1, '': F.head } },
 *       files: { 'https://example.com/cm.yaml': F.file },
 *     }),
 *     repoUrl: 'https://example.com/org/repo.git',
 *     missingRepoUrl: 'https://example.com/org/missing.git',
 *     fileUrl: 'https://example.com/cm.yaml',
 *     missingFileUrl: 'https://example.com/missing.yaml',
 *   }),
 * });
 * ```
 */
export function describeRemoteLoaderConformance(
  name: string,
  options: RemoteLoaderConformanceOptions,
): void {
  describe(`RemoteLoader conformance: ${name}`, () => {
    let t: RemoteLoaderConformanceTarget;

    beforeAll(async () => {
      t = await options.setup();
    });

    afterAll(async () => {
      await options.teardown?.();
    });

    it('checks out a tag: the exact files of the ref under root', async () => {
      const repo = await t.loader.fetchRepo(spec(t.repoUrl, 'ref=v1'), {});
      expect(repo.fs.stat(repo.root)?.isDirectory).toBe(true);
      expect(filesOf(repo)).toEqual(REMOTE_LOADER_FIXTURE.v1);
    });

    it("checks out the remote's HEAD when the ref is ''", async () => {
      const repo = await t.loader.fetchRepo(spec(t.repoUrl), {});
      expect(filesOf(repo)).toEqual(REMOTE_LOADER_FIXTURE.head);
    });

    it('answers each ref with its own checkout, also when fetched again', async () => {
      const head = await t.loader.fetchRepo(spec(t.repoUrl), {});
      const v1 = await t.loader.fetchRepo(spec(t.repoUrl, 'ref=v1'), {});
      const again = await t.loader.fetchRepo(spec(t.repoUrl, 'ref=v1'), {});
      expect(filesOf(head)).toEqual(REMOTE_LOADER_FIXTURE.head);
      expect(filesOf(v1)).toEqual(REMOTE_LOADER_FIXTURE.v1);
      expect(filesOf(again)).toEqual(REMOTE_LOADER_FIXTURE.v1);
    });

    it('accepts the query forms kustomize passes on (version, timeout, submodules)', async () => {
      const repo = await t.loader.fetchRepo(
        spec(t.repoUrl, 'version=v1&timeout=45s&submodules=false'),
        {},
      );
      expect(filesOf(repo)).toEqual(REMOTE_LOADER_FIXTURE.v1);
    });

    it('rejects an unknown ref', async () => {
      expect(
        await rejection(t.loader.fetchRepo(spec(t.repoUrl, 'ref=no-such-ref'), {})),
      ).toBeInstanceOf(Error);
    });

    it('rejects an unknown repository', async () => {
      expect(
        await rejection(t.loader.fetchRepo(spec(t.missingRepoUrl, 'ref=v1'), {})),
      ).toBeInstanceOf(Error);
    });

    it('serves an http(s) file as bytes', async () => {
      const body = await t.loader.fetchFile(t.fileUrl, {});
      expect(body).toBeInstanceOf(Uint8Array);
      expect(decoder.decode(body)).toBe(REMOTE_LOADER_FIXTURE.file);
    });

    it('rejects a missing file with status 404', async () => {
      const error = await rejection(t.loader.fetchFile(t.missingFileUrl, {}));
      expect(error).toBeInstanceOf(Error);
      expect((error as { status?: unknown }).status).toBe(404);
    });

    it("rejects with the signal's reason when the signal is already aborted", async () => {
      const reason = new Error('cancelled by the test');
      const signal = AbortSignal.abort(reason);
      expect(await rejection(t.loader.fetchRepo(spec(t.repoUrl, 'ref=v1'), { signal }))).toBe(
        reason,
      );
      expect(await rejection(t.loader.fetchFile(t.fileUrl, { signal }))).toBe(reason);
    });

    it('lets build() resolve remote bases and files through it', async () => {
      const fs: FileSystem = createMemoryFs({
        '/app/kustomization.yaml': `resources:\n- ${t.repoUrl}//base?ref=v1\n- ${t.repoUrl}\n- ${t.fileUrl}\n`,
      });
      const result = await build({ fs, path: '/app', remote: t.loader });
      const named = result.resources.map((r) => r.object as { metadata: { name: string } });
      expect(named.map((o) => [o.metadata.name, (o as { data?: { v?: string } }).data?.v])).toEqual(
        [
          ['base-cm', 'v1'],
          ['file', 'http'],
          ['top', 'head'],
        ],
      );
    });
  });
}
