import { describe, expect, test } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import { diffObjects, emitYaml } from '@kustomate/drift-diff';

describe('emitYaml (kustomize output style)', () => {
  test('sorted keys, sequences not indented, YAML 1.1-ambiguous strings quoted', () => {
    expect(emitYaml({ spec: { b: 1, a: ['x', 'y'] }, apiVersion: 'v1', data: { n: '1' } })).toBe(
      'apiVersion: v1\ndata:\n  n: "1"\nspec:\n  a:\n  - x\n  - y\n  b: 1\n',
    );
  });
  test('undefined renders as nothing', () => {
    expect(emitYaml(undefined)).toBe('');
  });
});

describe('HorizontalPodAutoscaler', () => {
  const metric = {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
  };
  const hpa = (metrics: YamlMap[]): YamlMap => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'h', namespace: 'n' },
    spec: { maxReplicas: 3, metrics },
  });
  test('duplicated and empty metrics of an old API server are not drift', () => {
    expect(diffObjects(hpa([metric]), hpa([metric, metric, {}])).action).toBe('none');
  });
  test('a changed metric is drift', () => {
    const other = { ...metric, resource: { ...metric.resource, name: 'memory' } };
    expect(diffObjects(hpa([metric, other]), hpa([metric])).action).toBe('update');
  });
});
