import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import {
  build,
  createMemoryRemoteLoader,
  KustomizeError,
  type BuildOptions,
  type MemoryRemoteContent,
} from '../../src/index.js';

const nameOf = (r: { object: object }) =>
  (r.object as { metadata?: { name?: string } }).metadata?.name;
const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/**
 * The repository behind `fixtures/remote-component.kubectl.yaml`: that file is the output of
 * `kubectl kustomize` (v1.32.4, kustomize v5.5.0) on the app below, with these files committed
 * and tagged v1 in a git repository at /tmp/kustomate-golden/lib.
 */
const LIB_URL = 'file:///tmp/kustomate-golden/lib';
const LIB: MemoryFiles = {
  'comp/kustomization.yaml': [
    'apiVersion: kustomize.config.k8s.io/v1alpha1',
    'kind: Component',
    'resources: [extra.yaml]',
    'namePrefix: c-',
    'commonAnnotations: {comp: "yes"}',
    'configMapGenerator: [{name: cgen, literals: [a=b]}]',
    'patches:',
    `- patch: '[{"op": "add", "path": "/data", "value": {"patched": "by-comp"}}]'`,
    '  target: {kind: ConfigMap, name: local}',
    '',
  ].join('\n'),
  'comp/extra.yaml': cm('extra'),
  'base/kustomization.yaml': 'resources: [cm.yaml]\n',
  'base/cm.yaml': cm('basecm'),
  'plain/kustomization.yaml': 'resources: [cm.yaml]\n',
  'plain/cm.yaml': cm('plain'),
};

function remoteOf(repos: MemoryRemoteContent['repos']) {
  return createMemoryRemoteLoader({ repos: repos ?? {} });
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

describe('remote components through a RemoteLoader', () => {
  it('applies a git component like kubectl kustomize, with repo and ref on what it made', async () => {
    const remote = remoteOf({ [LIB_URL]: { v1: LIB } });
    const result = await run(
      {
        '/app/kustomization.yaml': [
          'buildMetadata: [originAnnotations, transformerAnnotations]',
          'resources:',
          '- local.yaml',
          `- ${LIB_URL}//base?ref=v1`,
          'components:',
          `- ${LIB_URL}//comp?ref=v1`,
          '',
        ].join('\n'),
        '/app/local.yaml': cm('local'),
      },
      { remote },
    );
    const golden = readFileSync(
      new URL('fixtures/remote-component.kubectl.yaml', import.meta.url),
      'utf8',
    );
    expect(result.toYaml()).toBe(golden);
    // One fetch per repository and ref, shared by the base and the component.
    expect(remote.calls).toEqual([`repo ${LIB_URL}@v1`]);
  });

  it('keeps the origins of the parent and stamps only records the component added', async () => {
    const remote = remoteOf({ [LIB_URL]: { v1: LIB } });
    const result = await run(
      {
        '/app/kustomization.yaml': `buildMetadata: [originAnnotations, transformerAnnotations]\nresources: [local.yaml]\nnamePrefix: app-\ncomponents:\n- ${LIB_URL}//comp?ref=v1\n`,
        '/app/local.yaml': cm('local'),
      },
      { remote },
    );
    const local = result.resources.find((r) => r.origin?.path === 'local.yaml');
    expect(local?.origin).toEqual({ path: 'local.yaml' });
    const metadata = local?.object.metadata as { annotations: Record<string, string> };
    const annotations = metadata.annotations;
    const records = annotations['alpha.config.kubernetes.io/transformations'] ?? '';
    expect(records.split('- ').slice(1)).toEqual([
      `repo: ${LIB_URL}\n  ref: v1\n  configuredIn: comp/kustomization.yaml\n  configuredBy:\n    apiVersion: builtin\n    kind: PatchTransformer\n`,
      `repo: ${LIB_URL}\n  ref: v1\n  configuredIn: comp/kustomization.yaml\n  configuredBy:\n    apiVersion: builtin\n    kind: PrefixTransformer\n`,
      `repo: ${LIB_URL}\n  ref: v1\n  configuredIn: comp/kustomization.yaml\n  configuredBy:\n    apiVersion: builtin\n    kind: AnnotationsTransformer\n`,
      'configuredIn: kustomization.yaml\n  configuredBy:\n    apiVersion: builtin\n    kind: PrefixTransformer\n',
    ]);
    const extra = result.resources.find((r) => r.origin?.path === 'comp/extra.yaml');
    expect(extra?.origin).toEqual({ path: 'comp/extra.yaml', repo: LIB_URL, ref: 'v1' });
  });

  it('resolves a remote component inside a remote base with its own repo', async () => {
    const remote = remoteOf({
      'https://github.com/org/app': {
        '': {
          'kustomization.yaml': `resources: [top.yaml]\ncomponents:\n- ${LIB_URL}//comp?ref=v1\n`,
          'top.yaml': cm('top'),
        },
      },
      [LIB_URL]: { v1: LIB },
    });
    const result = await run(
      { '/app/kustomization.yaml': 'resources: [github.com/org/app]\n' },
      { remote },
    );
    expect(result.resources.map((r) => [nameOf(r), r.origin?.repo, r.origin?.ref])).toEqual([
      ['c-cgen-4h2mbtbbt6', LIB_URL, 'v1'],
      ['c-extra', LIB_URL, 'v1'],
      ['c-top', 'https://github.com/org/app', undefined],
    ]);
  });

  it('prefers a local directory with the same name', async () => {
    const result = await run({
      '/app/kustomization.yaml': 'resources: [cm.yaml]\ncomponents: [github.com/org/comp]\n',
      '/app/cm.yaml': cm('cm'),
      '/app/github.com/org/comp/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nnameSuffix: -local\n',
    });
    expect(result.resources.map((r) => nameOf(r))).toEqual(['cm-local']);
  });

  it('refuses a git URL whose directory is not a Component', async () => {
    const remote = remoteOf({ [LIB_URL]: { v1: LIB } });
    const e = await failure(
      { '/app/kustomization.yaml': `components:\n- ${LIB_URL}//plain?ref=v1\n` },
      { remote },
    );
    expect(e.code).toBe('InvalidKustomization');
    expect(e.message).toContain(
      "expected kind 'Component' for path 'plain' but got 'Kustomization'",
    );
  });

  it('reports a repository that cannot be fetched, with the cause', async () => {
    const remote = remoteOf({});
    const e = await failure(
      { '/app/kustomization.yaml': 'components:\n- github.com/org/missing//comp?ref=v9\n' },
      { remote },
    );
    expect(e.code).toBe('MissingFile');
    expect(e.message).toContain(
      "fetching remote component 'github.com/org/missing//comp?ref=v9': no repository https://github.com/org/missing at ref 'v9'",
    );
    expect(e.location).toMatchObject({ field: 'components' });
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('fails with Unsupported naming the URL when the build has no remote loader', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'components:\n- github.com/org/repo//comp?ref=v1\n',
    });
    expect(e.code).toBe('Unsupported');
    expect(e.message).toContain("remote component 'github.com/org/repo//comp?ref=v1'");
    expect(e.data).toEqual({ url: 'github.com/org/repo//comp?ref=v1' });
  });

  it('refuses a component URL that is a prefix of one already on the chain (cycle)', async () => {
    const remote = remoteOf({
      'https://github.com/org/repo': {
        v1: {
          'base/kustomization.yaml': 'components: [github.com/org/repo//base]\n',
        },
      },
    });
    const e = await failure(
      { '/app/kustomization.yaml': 'resources: [github.com/org/repo//base?ref=v1]\n' },
      { remote },
    );
    expect(e.code).toBe('Cycle');
    expect(e.message).toContain(
      "cycle detected: URI 'github.com/org/repo//base' referenced by previous URI 'github.com/org/repo//base?ref=v1'",
    );
  });

  it('keeps the error for a local path that is neither a directory nor a git URL', async () => {
    const e = await failure({ '/app/kustomization.yaml': 'components: [./nope]\n' });
    expect(e.code).toBe('InvalidKustomization');
    expect(e.message).toContain("'nope' must be a directory holding a kustomization");
  });
});
