import { describe, expect, test } from 'vitest';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { diffObjects, type OwnershipOptions } from '@kustomate/drift-diff';

const FLUX: OwnershipOptions = { manager: 'kustomize-controller' };

function deployment(
  replicas: number,
  containers: YamlValue[],
  managedFields?: YamlValue[],
): YamlMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'app', ...(managedFields ? { managedFields } : {}) },
    spec: { replicas, template: { spec: { containers } } },
  };
}

const app = { name: 'app', image: 'web:1' };
const sidecar = { name: 'istio-proxy', image: 'proxy:1' };

const fluxFields = {
  manager: 'kustomize-controller',
  operation: 'Apply',
  fieldsV1: {
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } },
        },
      },
    },
  },
};
const hpaFields = {
  manager: 'kube-controller-manager',
  operation: 'Update',
  subresource: 'scale',
  fieldsV1: { 'f:spec': { 'f:replicas': {} } },
};
const injectorFields = {
  manager: 'istio-sidecar-injector',
  operation: 'Update',
  fieldsV1: {
    'f:spec': {
      'f:template': {
        'f:spec': {
          'f:containers': { 'k:{"name":"istio-proxy"}': { '.': {}, 'f:image': {}, 'f:name': {} } },
        },
      },
    },
  },
};

describe('ownership-aware mode', () => {
  test('replicas owned by the HPA are not drift; without ownership they are', () => {
    const live = deployment(7, [app, sidecar], [fluxFields, hpaFields, injectorFields]);
    const desired = deployment(2, [app]);
    expect(diffObjects(desired, live).action).toBe('update');
    expect(diffObjects(desired, live, { ownership: FLUX }).action).toBe('none');
  });

  test('an injected sidecar owned by another manager is left alone', () => {
    const live = deployment(2, [sidecar, app], [fluxFields, injectorFields]);
    const d = diffObjects(deployment(2, [app]), live, { ownership: FLUX });
    expect(d.action).toBe('none');
  });

  test('a field we own that someone changed is reported, at its live index', () => {
    const live = deployment(
      2,
      [sidecar, { name: 'app', image: 'web:0' }],
      [fluxFields, injectorFields],
    );
    const d = diffObjects(deployment(2, [app]), live, { ownership: FLUX });
    expect(d.action).toBe('update');
    expect(d.patch).toEqual([
      { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'web:1' },
    ]);
  });

  test('a kubectl edit is taken over: its fields count as ours', () => {
    const kubectl = {
      manager: 'kubectl-edit',
      operation: 'Update',
      fieldsV1: {
        'f:spec': {
          'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } },
        },
      },
    };
    const fluxWithoutImage = {
      ...fluxFields,
      fieldsV1: {
        'f:spec': {
          'f:template': {
            'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:name': {} } } },
          },
        },
      },
    };
    const live = deployment(2, [{ name: 'app', image: 'hotfix' }], [fluxWithoutImage, kubectl]);
    expect(diffObjects(deployment(2, [app]), live, { ownership: FLUX }).action).toBe('update');
    const noTakeOver = { ...FLUX, takeOver: [] };
    expect(diffObjects(deployment(2, [app]), live, { ownership: noTakeOver }).action).toBe('none');
  });

  test('a label we applied and then removed from the manifests is drift', () => {
    const live: YamlMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'c',
        labels: { team: 'a', 'added-by-operator': 'x' },
        managedFields: [
          {
            manager: 'kustomize-controller',
            operation: 'Apply',
            fieldsV1: { 'f:metadata': { 'f:labels': { 'f:team': {} } } },
          },
          {
            manager: 'operator',
            operation: 'Update',
            fieldsV1: { 'f:metadata': { 'f:labels': { 'f:added-by-operator': {} } } },
          },
        ],
      },
    };
    const desired: YamlMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(diffObjects(desired, live).action).toBe('none');
    const d = diffObjects(desired, live, { ownership: FLUX });
    expect(d.patch).toEqual([{ op: 'remove', path: '/metadata/labels/team' }]);
  });

  test('a live object without managedFields falls back to the default comparison', () => {
    const d = diffObjects(deployment(2, [app]), deployment(3, [app]), { ownership: FLUX });
    expect(d.action).toBe('update');
  });
});
