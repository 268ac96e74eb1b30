import { describe, expect, it } from 'vitest';
import { createMemoryFs, type MemoryFiles } from '@kustomate/vfs';
import { build, KustomizeError, type BuildOptions } from '../../src/index.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

async function failure(files: MemoryFiles, path = '/app', options: Partial<BuildOptions> = {}) {
  try {
    await build({ fs: createMemoryFs(files), path, ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(KustomizeError);
    return e as KustomizeError;
  }
  throw new Error('expected the build to fail');
}

describe('bad input fails like kustomize, naming the file', () => {
  it('a missing resource file', async () => {
    const e = await failure({ '/app/kustomization.yaml': 'resources: [missing.yaml]\n' });
    expect(e.code).toBe('MissingFile');
    expect(e.message).toContain('missing.yaml');
    expect(e.location.file).toBe('kustomization.yaml');
  });

  it('a kustomization with an unknown field', async () => {
    const e = await failure({ '/app/kustomization.yaml': 'inventory: {}\n' });
    expect(e.code).toBe('UnknownField');
    expect(e.message).toBe(
      'kustomization.yaml: invalid Kustomization: json: unknown field "inventory"',
    );
  });

  it('a field of the wrong type (YAML 1.1 reads `on` as a bool)', async () => {
    const e = await failure({ '/app/kustomization.yaml': 'commonLabels: {app: on}\n' });
    expect(e.code).toBe('InvalidKustomization');
    expect(e.message).toContain('cannot unmarshal bool');
    expect(e.location).toMatchObject({ file: 'kustomization.yaml', field: 'commonLabels.app' });
  });

  it('malformed YAML in a resource', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'resources: [bad.yaml]\n',
      '/app/bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n bad: [\n',
    });
    expect(e.code).toBe('InvalidYaml');
    expect(e.message).toContain('bad.yaml');
  });

  it('a strategic-merge patch whose target matches nothing', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- path: p.yaml\n',
      '/app/cm.yaml': CM,
      '/app/p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nope\n',
    });
    expect(e.code).toBe('PatchTargetNotFound');
    expect(e.message).toContain('p.yaml');
    expect(e.message).toContain('ConfigMap.v1.[noGrp]/nope.[noNs]');
  });

  it('a selector that matches nothing is not an error for `patches` (kustomize v5.5)', async () => {
    const result = await build({
      fs: createMemoryFs({
        '/app/kustomization.yaml':
          'resources: [cm.yaml]\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: add\n      path: /x\n      value: 1\n',
        '/app/cm.yaml': CM,
      }),
      path: '/app',
    });
    expect(result.toYaml()).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n');
  });

  it('a file outside the root under LoadRestrictionsRootOnly, allowed with LoadRestrictionsNone', async () => {
    const files = { '/app/kustomization.yaml': 'resources: [../cm.yaml]\n', '/cm.yaml': CM };
    const e = await failure(files);
    expect(e.code).toBe('LoadRestriction');
    expect(e.message).toContain("file '../cm.yaml' is not in or below '.'");
    const ok = await build({
      fs: createMemoryFs(files),
      path: '/app',
      loadRestrictor: 'LoadRestrictionsNone',
    });
    expect(ok.resources).toHaveLength(1);
  });

  it('a cycle of bases', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'resources: [base]\n',
      '/app/base/kustomization.yaml': 'resources: [..]\n',
    });
    expect(e.code).toBe('Cycle');
    expect(e.message).toContain('cycle detected');
  });

  it('two resources with the same id', async () => {
    const e = await failure({
      '/app/kustomization.yaml': 'resources: [a.yaml, b.yaml]\n',
      '/app/a.yaml': CM,
      '/app/b.yaml': CM,
    });
    expect(e.code).toBe('DuplicateResourceId');
    expect(e.message).toContain('b.yaml');
    expect(e.message).toContain('ConfigMap.v1.[noGrp]/cm.[noNs]');
  });

  it('no kustomization file, and two of them', async () => {
    expect((await failure({ '/app/cm.yaml': CM })).code).toBe('KustomizationNotFound');
    const two = await failure({
      '/app/kustomization.yaml': 'resources: []\n',
      '/app/kustomization.yml': 'resources: []\n',
    });
    expect(two.code).toBe('MultipleKustomizations');
  });

  it('an empty kustomization', async () => {
    const e = await failure({ '/app/kustomization.yaml': 'kind: Kustomization\n' });
    expect(e.code).toBe('EmptyKustomization');
  });
});
