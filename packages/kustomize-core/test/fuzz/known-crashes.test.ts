/**
 * Crashes the fuzz suite once found: a `null` element in a kustomization list. Go decodes it as
 * the element type's zero value, so kustomize either builds (labels) or fails with a message.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@kustomate/vfs';
import { buildKustomization, KustomizeError } from '../../src/index.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

function outcome(kustomization: string): string {
  try {
    return buildKustomization({
      fs: createMemoryFs({ '/app/kustomization.yaml': kustomization, '/app/cm.yaml': CM }),
      path: '/app',
    }).toYaml();
  } catch (e) {
    if (e instanceof KustomizeError) return `KustomizeError ${e.code}`;
    throw e;
  }
}

describe('former fuzz findings: null list elements', () => {
  // kubectl: "accumulating resources from '': ... new root cannot be empty".
  it('resources: [null] is refused with a KustomizeError, not a TypeError', () => {
    expect(outcome('{"resources":[null,"cm.yaml"]}')).toMatch(/^KustomizeError/);
  });

  // kubectl: "a configmap must have a name".
  it('configMapGenerator: [null] is refused with a KustomizeError', () => {
    expect(outcome('{"resources":["cm.yaml"],"configMapGenerator":[null]}')).toMatch(
      /^KustomizeError/,
    );
  });

  // kubectl: "trouble configuring builtin PatchTransformer with config: `{}` ...".
  it('patches: [null] is refused with a KustomizeError', () => {
    expect(outcome('{"resources":["cm.yaml"],"patches":[null]}')).toMatch(/^KustomizeError/);
  });

  // kubectl kustomize v5.5.0 decodes a null element as a zero Label: a no-op.
  it('labels: [null] builds like kustomize (a no-op), not a TypeError', () => {
    expect(outcome('{"labels":[null],"resources":["cm.yaml"]}')).toBe(CM);
  });
});
