import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { checkDependencies, DependencyGraphError } from '../src/index.js';

const revision = 'main@sha1:0123456789abcdef0123456789abcdef01234567';

function ks(
  name: string,
  extra: { spec?: YamlMap; status?: YamlMap; generation?: number } = {},
): YamlMap {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name, namespace: 'flux-system', generation: extra.generation ?? 1 },
    spec: { sourceRef: { kind: 'GitRepository', name: 'flux-system' }, ...extra.spec },
    ...(extra.status ? { status: extra.status } : {}),
  };
}

const readyStatus = (applied = revision): YamlMap => ({
  observedGeneration: 1,
  lastAppliedRevision: applied,
  conditions: [{ type: 'Ready', status: 'True', reason: 'ReconciliationSucceeded' }],
});

const apps = ks('apps', { spec: { dependsOn: [{ name: 'infra' }] } });

describe('checkDependencies', () => {
  it('passes a ready dependency that applied the same revision', () => {
    const check = checkDependencies({
      dependent: apps,
      dependencies: [ks('infra', { status: readyStatus() })],
      sourceRevision: revision,
    });
    expect(check).toEqual({ ready: true, failures: [], message: '' });
  });

  it('reports a missing dependency', () => {
    const check = checkDependencies({
      dependent: apps,
      dependencies: [],
      sourceRevision: revision,
    });
    expect(check.message).toBe("dependency 'flux-system/infra' not found");
    expect(check.failures[0]?.reason).toBe('NotFound');
  });

  it.each([
    ['no conditions', { observedGeneration: 1, conditions: [] }],
    ['an unobserved generation', { ...readyStatus(), observedGeneration: 0 }],
    ['Ready=False', { ...readyStatus(), conditions: [{ type: 'Ready', status: 'False' }] }],
  ])('is not ready with %s', (_, status) => {
    const check = checkDependencies({
      dependent: apps,
      dependencies: [ks('infra', { status })],
      sourceRevision: revision,
    });
    expect(check.ready).toBe(false);
    expect(check.message).toBe("dependency 'flux-system/infra' is not ready");
  });

  it('requires the same source’s revision to be applied', () => {
    const stale = ks('infra', { status: readyStatus('main@sha1:old') });
    const check = checkDependencies({
      dependent: apps,
      dependencies: [stale],
      sourceRevision: revision,
    });
    expect(check.failures).toEqual([
      {
        ref: {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          namespace: 'flux-system',
          name: 'infra',
        },
        reason: 'RevisionNotUpToDate',
        message: "dependency 'flux-system/infra' revision is not up to date",
      },
    ]);
  });

  it('ignores the revision of a dependency on another source', () => {
    const other = ks('infra', {
      spec: { sourceRef: { kind: 'GitRepository', name: 'other' } },
      status: readyStatus('main@sha1:old'),
    });
    expect(
      checkDependencies({ dependent: apps, dependencies: [other], sourceRevision: revision }).ready,
    ).toBe(true);
  });

  it('lets readyExpr replace the built-in check, or add to it', () => {
    const dependent = ks('apps', { spec: { dependsOn: [{ name: 'infra', readyExpr: 'dep.ok' }] } });
    const notReady = ks('infra', { status: { conditions: [] } });
    const seen: string[] = [];
    const evaluateReadyExpr = (expr: string, vars: { self: YamlMap; dep: YamlMap }): boolean => {
      seen.push(`${expr} ${String((vars.self['metadata'] as YamlMap)['name'])}`);
      return true;
    };
    const replaced = checkDependencies({ dependent, dependencies: [notReady], evaluateReadyExpr });
    expect(replaced.ready).toBe(true);
    expect(seen).toEqual(['dep.ok apps']);
    const additive = checkDependencies({
      dependent,
      dependencies: [notReady],
      evaluateReadyExpr,
      additiveReadyExpr: true,
    });
    expect(additive.failures.map((f) => f.reason)).toEqual(['NotReady']);
    const refused = checkDependencies({
      dependent,
      dependencies: [notReady],
      evaluateReadyExpr: () => false,
    });
    expect(refused.message).toBe(
      "dependency 'flux-system/infra' is not ready according to readyExpr eval",
    );
  });

  it('needs an evaluator for readyExpr', () => {
    const dependent = ks('apps', { spec: { dependsOn: [{ name: 'infra', readyExpr: 'true' }] } });
    let caught: unknown;
    try {
      checkDependencies({ dependent, dependencies: [ks('infra')] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DependencyGraphError);
    expect((caught as DependencyGraphError).code).toBe('ReadyExprUnsupported');
    expect((caught as DependencyGraphError).location).toEqual({
      object: 'Kustomization/flux-system/apps',
      field: 'spec.dependsOn[0].readyExpr',
    });
  });

  it('lists every failing dependency, in dependsOn order', () => {
    const dependent = ks('apps', {
      spec: { dependsOn: [{ name: 'a' }, { name: 'b', namespace: 'other' }, { name: 'c' }] },
    });
    const check = checkDependencies({
      dependent,
      dependencies: [ks('c', { status: readyStatus() }), ks('a')],
      sourceRevision: revision,
    });
    expect(check.failures.map((f) => `${f.reason} ${f.ref.namespace}/${f.ref.name}`)).toEqual([
      'NotReady flux-system/a',
      'NotFound other/b',
    ]);
  });
});

describe('checkDependencies on other kinds', () => {
  const release = (ready: boolean): YamlMap => ({
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: 'pg', namespace: 'db', generation: 1 },
    status: {
      observedGeneration: 1,
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  });
  const dependent = ks('apps', {
    spec: {
      dependsOn: [
        {
          apiVersion: 'helm.toolkit.fluxcd.io/v2',
          kind: 'HelmRelease',
          name: 'pg',
          namespace: 'db',
        },
      ],
    },
  });

  it('finds a HelmRelease dependency and applies the built-in Ready check', () => {
    expect(checkDependencies({ dependent, dependencies: [release(true)] }).ready).toBe(true);
    expect(checkDependencies({ dependent, dependencies: [release(false)] }).message).toBe(
      "dependency 'HelmRelease/db/pg' is not ready",
    );
    expect(checkDependencies({ dependent, dependencies: [] }).message).toBe(
      "dependency 'HelmRelease/db/pg' not found",
    );
  });

  it('lets an injected health evaluator decide', () => {
    const seen: string[] = [];
    const evaluateHealth = (o: YamlMap): { status: string; message: string } => {
      seen.push(String(o['kind']));
      return { status: 'InProgress', message: 'Ready: 0/1' };
    };
    const check = checkDependencies({ dependent, dependencies: [release(true)], evaluateHealth });
    expect(check.message).toBe(
      "dependency 'HelmRelease/db/pg' is not ready: InProgress: Ready: 0/1",
    );
    expect(seen).toEqual(['HelmRelease']);
  });

  it('keeps Flux’s own check for Kustomizations even with an evaluator', () => {
    const check = checkDependencies({
      dependent: apps,
      dependencies: [ks('infra', { status: readyStatus('main@sha1:old') })],
      sourceRevision: revision,
      evaluateHealth: () => ({ status: 'Current', message: '' }),
    });
    expect(check.failures.map((f) => f.reason)).toEqual(['RevisionNotUpToDate']);
  });
});
