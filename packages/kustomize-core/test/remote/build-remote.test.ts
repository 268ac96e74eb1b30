import { describe, expect, it } from 'vitest';
import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import {
  build,
  createMemoryRemoteLoader,
  KustomizeError,
  type BuildOptions,
  type MemoryRemoteContent,
} from '../../src/index.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
const GH = 'https://github.com/org/repo';
const REPO: MemoryFiles = {
  'base/kustomization.yaml': 'resources: [cm.yaml]\nnamePrefix: base-\n',
  'base/cm.yaml': cm('cm'),
  'kustomization.yaml': 'resources: [top.yaml]\n',
  'top.yaml': cm('top'),
};

/** The memory loader keyed `cloneUrl@ref`, with its calls shown without their kind. */
function memoryRemote(repos: Record<string, MemoryFiles>, files: Record<string, string> = {}) {
  const content: Required<MemoryRemoteContent> = { repos: {}, files };
  for (const [key, tree] of Object.entries(repos)) {
    const at = key.lastIndexOf('@');
    (content.repos[key.slice(0, at)] ??= {})[key.slice(at + 1)] = tree;
  }
  const loader = createMemoryRemoteLoader(content);
  return {
    loader,
    get calls() {
      return loader.calls.map((c) => c.replace(/^(repo|file) /, ''));
    },
  };
}

async function run(files: MemoryFiles, options: Partial<BuildOptions> = {}) {
  return build({ fs: createMemoryFs(files), path: '/app', ...options });
}

async function failure(files: MemoryFiles, options: Partial<BuildOptions> = {}) {
  try {
    await run(files, options);
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error('expected the build to fail');
}

describe('remote bases through a RemoteLoader', () => {
  it('builds a git base and records repo and ref in origins', async () => {
    const remote = memoryRemote({ [`${GH}@v1`]: REPO });
    const result = await run(
      {
        '/app/kustomization.yaml':
          'buildMetadata: [originAnnotations]\nresources:\n- github.com/org/repo//base?ref=v1\n- local.yaml\n',
        '/app/local.yaml': cm('local'),
      },
      { remote: remote.loader },
    );
    expect(result.resources.map((r) => r.origin)).toEqual([
      { path: 'base/cm.yaml', repo: GH, ref: 'v1' },
      { path: 'local.yaml' },
    ]);
    expect(result.toYaml()).toContain(
      `    config.kubernetes.io/origin: |\n      path: base/cm.yaml\n      repo: ${GH}\n      ref: v1\n  name: base-cm\n`,
    );
    expect(remote.calls).toEqual([`${GH}@v1`]);
  });

  it('fetches each repository and ref once per build, whatever the subpath', async () => {
    const remote = memoryRemote({ [`${GH}@v1`]: REPO });
    const result = await run(
      {
        '/app/kustomization.yaml':
          'resources:\n- git@github.com:org/repo//base?ref=v1\n- https://github.com/org/repo?ref=v1\n',
      },
      {
        remote: {
          fetchFile: remote.loader.fetchFile,
          fetchRepo: (spec, o) => remote.loader.fetchRepo({ ...spec, cloneUrl: GH }, o),
        },
      },
    );
    expect(result.resources.map((r) => r.object.metadata)).toEqual([
      { name: 'base-cm' },
      { name: 'top' },
    ]);
    // git@ and https differ as clone URLs; https is tried as a file first (404) then as git.
    expect(remote.calls).toEqual([`${GH}@v1`, 'https://github.com/org/repo?ref=v1', `${GH}@v1`]);
  });

  it('uses the repository root with origin path notCloned, as kustomize does', async () => {
    const remote = memoryRemote({ [`${GH}@`]: REPO });
    const result = await run(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo]\n' },
      { remote: remote.loader },
    );
    expect(result.resources[0]?.origin).toEqual({ path: 'notCloned/top.yaml', repo: GH });
  });

  it('fetches an http(s) URL as a file first, with its origin', async () => {
    const url = 'https://example.com/cm.yaml';
    // Two path segments make it a git URL too: kustomize's origin then names it as a repo.
    const deep = 'https://example.com/manifests/cm.yaml';
    const remote = memoryRemote({}, { [url]: cm('web'), [deep]: cm('deep') });
    const result = await run(
      { '/app/kustomization.yaml': `namespace: ns\nresources:\n- ${url}\n- ${deep}\n` },
      { remote: remote.loader },
    );
    expect(result.toYaml()).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\n  namespace: ns\n---\n' +
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  namespace: ns\n',
    );
    expect(result.resources.map((r) => r.origin)).toEqual([
      { path: 'notCloned', repo: deep },
      { path: 'https:/example.com/cm.yaml' },
    ]);
    expect(remote.calls).toEqual([url, deep]);
  });

  it('falls back to git when the http(s) GET fails and the URL is a git URL', async () => {
    const url = 'https://git.example.com/org/repo.git//base?ref=v1';
    const remote = memoryRemote({ 'https://git.example.com/org/repo.git@v1': REPO });
    const result = await run(
      { '/app/kustomization.yaml': `resources:\n- ${url}\n` },
      { remote: remote.loader },
    );
    expect(result.resources.map((r) => r.object.metadata)).toEqual([{ name: 'base-cm' }]);
    expect(remote.calls).toEqual([url, 'https://git.example.com/org/repo.git@v1']);
  });

  it('fails on an http(s) error for a URL that is not a git URL', async () => {
    const url = 'https://example.com/missing.yaml';
    const remote = memoryRemote({});
    const e = await failure(
      { '/app/kustomization.yaml': `resources:\n- ${url}\n` },
      { remote: remote.loader },
    );
    expect(e.code).toBe('MissingFile');
    expect(e.message).toContain(url);
    expect(e.message).toContain('404');
    expect(e.data).toEqual({ url });
  });

  it('reports a repository that cannot be fetched, with the cause', async () => {
    const remote = memoryRemote({});
    const e = await failure(
      { '/app/kustomization.yaml': 'resources:\n- git@github.com:org/gone//base?ref=v9\n' },
      { remote: remote.loader },
    );
    expect(e.code).toBe('MissingFile');
    expect(e.message).toContain("fetching remote base 'git@github.com:org/gone//base?ref=v9'");
    expect(e.data).toEqual({
      url: 'git@github.com:org/gone//base?ref=v9',
      repo: 'git@github.com:org/gone',
      ref: 'v9',
    });
    expect((e.cause as Error).message).toContain('no repository git@github.com:org/gone');
  });

  it('fails with Unsupported naming the URL when the build has no remote loader', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'resources:\n- github.com/org/repo//base?ref=v1\n',
    });
    expect(e.code).toBe('Unsupported');
    expect(e.message).toContain("remote resource 'github.com/org/repo//base?ref=v1'");
    expect(e.message).toContain('remote');
  });

  it('keeps local paths that are not git URLs local', async () => {
    const remote = memoryRemote({});
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [missing/dir]\n' },
      { remote: remote.loader },
    );
    expect(e.code).toBe('MissingFile');
    expect(remote.calls).toEqual([]);
  });

  it('is RootOnly inside a clone, even with LoadRestrictionsNone', async () => {
    const remote = memoryRemote({
      [`${GH}@v1`]: {
        'base/kustomization.yaml': 'resources: [../other/cm.yaml]\n',
        'other/cm.yaml': cm('other'),
      },
    });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//base?ref=v1]\n' },
      { remote: remote.loader, loadRestrictor: 'LoadRestrictionsNone' },
    );
    expect(e.code).toBe('LoadRestriction');
    expect(e.message).toContain("accumulating remote base 'github.com/org/repo//base?ref=v1'");
  });

  it('allows bases inside the clone and refuses bases outside it', async () => {
    const inside = memoryRemote({
      [`${GH}@v1`]: {
        'overlay/kustomization.yaml': 'resources: [../base]\nnameSuffix: -o\n',
        ...REPO,
      },
    });
    const ok = await run(
      {
        '/app/kustomization.yaml':
          'buildMetadata: [originAnnotations]\nresources: [github.com/org/repo//overlay?ref=v1]\n',
      },
      { remote: inside.loader },
    );
    expect(ok.resources.map((r) => [r.object.metadata, r.origin])).toEqual([
      [
        {
          name: 'base-cm-o',
          annotations: {
            'config.kubernetes.io/origin': `path: base/cm.yaml\nrepo: ${GH}\nref: v1\n`,
          },
        },
        { path: 'base/cm.yaml', repo: GH, ref: 'v1' },
      ],
    ]);
    const outside = memoryRemote({
      [`${GH}@v1`]: { 'base/kustomization.yaml': 'resources: [../..]\n' },
    });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//base?ref=v1]\n' },
      { remote: outside.loader },
    );
    expect(e.code).toBe('LoadRestriction');
    expect(e.message).toContain('must be within the repo');
  });

  it('refuses a URL that is a prefix of one already on the chain (cycle)', async () => {
    const remote = memoryRemote({
      [`${GH}@v1`]: { 'base/kustomization.yaml': 'resources: [github.com/org/repo//base]\n' },
    });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//base?ref=v1]\n' },
      { remote: remote.loader },
    );
    expect(e.code).toBe('Cycle');
    expect(e.message).toContain(
      "cycle detected: URI 'github.com/org/repo//base' referenced by previous URI 'github.com/org/repo//base?ref=v1'",
    );
  });

  it('gives nested remote bases their own repo and ref', async () => {
    const remote = memoryRemote({
      [`${GH}@v1`]: {
        'kustomization.yaml':
          'resources: [https://gitlab.com/team/lib.git//cfg?ref=v2, top.yaml]\n',
        'top.yaml': cm('top'),
      },
      'https://gitlab.com/team/lib.git@v2': {
        'cfg/kustomization.yaml': 'configMapGenerator: [{name: gen, literals: [a=b]}]\n',
      },
    });
    const result = await run(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo?ref=v1]\n' },
      { remote: remote.loader },
    );
    expect(result.resources.map((r) => r.origin)).toEqual([
      {
        configuredIn: 'cfg/kustomization.yaml',
        configuredBy: { apiVersion: 'builtin', kind: 'ConfigMapGenerator' },
        repo: 'https://gitlab.com/team/lib.git',
        ref: 'v2',
      },
      { path: 'notCloned/top.yaml', repo: GH, ref: 'v1' },
    ]);
  });

  it('refuses a Component listed under resources', async () => {
    const remote = memoryRemote({
      [`${GH}@v1`]: {
        'comp/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [cm.yaml]\n',
        'comp/cm.yaml': cm('c'),
      },
    });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//comp?ref=v1]\n' },
      { remote: remote.loader },
    );
    expect(e.code).toBe('InvalidKustomization');
    expect(e.message).toContain("expected kind != 'Component'");
  });

  it('reports a missing directory in the repository', async () => {
    const remote = memoryRemote({ [`${GH}@v1`]: REPO });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//nope?ref=v1]\n' },
      { remote: remote.loader },
    );
    expect(e.code).toBe('MissingFile');
    expect(e.message).toContain("directory 'nope' does not exist in https://github.com/org/repo");
  });

  it('reports each warning once although the build re-runs after each fetch', async () => {
    const remote = memoryRemote({ [`${GH}@v1`]: REPO });
    const seen: string[] = [];
    const result = await run(
      {
        '/app/kustomization.yaml':
          'commonLabels: {a: b}\nresources: [github.com/org/repo//base?ref=v1]\n',
      },
      { remote: remote.loader, onWarning: (w) => seen.push(w) },
    );
    expect(seen).toHaveLength(1);
    expect(result.warnings).toEqual(seen);
  });

  it('warns about the git:: prefix and strips it', async () => {
    const remote = memoryRemote({ 'https://gitlab.com/org/repo@v1': REPO });
    const result = await run(
      { '/app/kustomization.yaml': 'resources: [git::https://gitlab.com/org/repo//base?ref=v1]\n' },
      { remote: remote.loader },
    );
    expect(result.resources).toHaveLength(1);
    expect(result.warnings.join('\n')).toContain("'git::' URL prefix is not supported");
  });

  it('stops when the signal aborts', async () => {
    const remote = memoryRemote({ [`${GH}@v1`]: REPO });
    const controller = new AbortController();
    const pending = run(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//base?ref=v1]\n' },
      {
        signal: controller.signal,
        remote: {
          ...remote.loader,
          fetchRepo: (spec, o) => {
            controller.abort(new Error('stop'));
            return remote.loader.fetchRepo(spec, o);
          },
        },
      },
    );
    await expect(pending).rejects.toThrow('stop');
  });
});
