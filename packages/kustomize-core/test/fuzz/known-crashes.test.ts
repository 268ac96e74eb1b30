/**
 * Crashes the fuzz suite found outside the layers it may fix (see `KNOWN_CRASHES` in
 * harness.ts). Each `it.fails` passes while the crash is still there and fails once it is
 * fixed: then turn it into an ordinary `it` and drop the entry from `KNOWN_CRASHES`.
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

describe('known crashes (fuzz findings)', () => {
  // kubectl kustomize v5.5.0 decodes a null element as a zero Label: a no-op.
  it.fails('labels: [null] builds like kustomize (a no-op), not a TypeError', () => {
    expect(outcome('{"labels":[null],"resources":["cm.yaml"]}')).toBe(CM);
  });
});
