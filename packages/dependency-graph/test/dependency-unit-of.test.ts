import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { DependencyGraphError, dependencyUnitOf } from '../src/index.js';

function errorOf(obj: YamlMap): DependencyGraphError {
  try {
    dependencyUnitOf(obj);
  } catch (e) {
    if (e instanceof DependencyGraphError) return e;
    throw e;
  }
  throw new Error('expected a DependencyGraphError');
}

describe('dependencyUnitOf', () => {
  it('reads name, namespace and dependsOn', () => {
    expect(
      dependencyUnitOf({
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'apps', namespace: 'flux-system' },
        spec: {
          dependsOn: [
            { name: 'infra', namespace: '' },
            { name: 'db', namespace: 'data', readyExpr: 'true' },
            { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'pg' },
          ],
        },
      }),
    ).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      namespace: 'flux-system',
      name: 'apps',
      dependsOn: [
        { name: 'infra' },
        { name: 'db', namespace: 'data', readyExpr: 'true' },
        { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'pg' },
      ],
    });
  });

  it('defaults the namespace', () => {
    expect(
      dependencyUnitOf({ kind: 'HelmRelease', metadata: { name: 'a' } }, 'flux-system'),
    ).toEqual({
      kind: 'HelmRelease',
      namespace: 'flux-system',
      name: 'a',
      dependsOn: [],
    });
  });

  it('names the field at fault', () => {
    expect(errorOf({ kind: 'K', metadata: {} }).location).toEqual({ field: 'metadata.name' });
    expect(errorOf({ metadata: { name: 'a' } }).location).toEqual({
      object: 'default/a',
      field: 'kind',
    });
    expect(
      errorOf({ kind: 'K', metadata: { name: 'a' }, spec: { dependsOn: 'infra' } }).location,
    ).toEqual({
      object: 'K/default/a',
      field: 'spec.dependsOn',
    });
    const e = errorOf({
      kind: 'K',
      metadata: { name: 'a', namespace: 'x' },
      spec: { dependsOn: [{ name: 'b' }, { namespace: 'y' }] },
    });
    expect(e.code).toBe('InvalidDependsOn');
    expect(e.location).toEqual({ object: 'K/x/a', field: 'spec.dependsOn[1].name' });
    expect(
      errorOf({
        kind: 'K',
        metadata: { name: 'a' },
        spec: { dependsOn: [{ name: 'b', readyExpr: 1 }] },
      }).location.field,
    ).toBe('spec.dependsOn[0].readyExpr');
  });
});
