import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeFs } from '@kustomate/vfs/node';
import { build } from '../../src/index.js';

const example = resolve(fileURLToPath(import.meta.url), '../../../../../examples/flux-quickstart');

// expected/*.yaml were produced by `kubectl kustomize <dir>` (kustomize v5.5.0).
const DIRS = [
  'apps/my-app/base',
  'apps/my-app/overlays/staging',
  'apps/my-app/overlays/production',
  'infrastructure/redis',
];

describe('examples/flux-quickstart', () => {
  for (const dir of DIRS) {
    it(`${dir} builds exactly as kubectl kustomize does`, async () => {
      const result = await build({ fs: createNodeFs(), path: join(example, dir) });
      const expected = readFileSync(
        join(example, 'expected', `${dir.replaceAll('/', '_')}.yaml`),
        'utf8',
      );
      expect(result.toYaml()).toBe(expected);
      expect(result.warnings).toEqual([]);
    });
  }

  it('reports where every object came from', async () => {
    const result = await build({
      fs: createNodeFs(),
      path: join(example, 'apps/my-app/overlays/staging'),
    });
    const origins = result.resources.map((r) => [
      r.object.kind,
      r.origin?.path ?? r.origin?.configuredIn,
    ]);
    expect(origins).toEqual([
      ['ConfigMap', 'kustomization.yaml'],
      ['Service', '../../base/service.yaml'],
      ['Deployment', '../../base/deployment.yaml'],
      ['Ingress', '../../base/ingress.yaml'],
    ]);
  });
});
