import { describe, expect, it } from 'vitest';
import { createMemoryFs } from '@kustomate/vfs';
import { build } from '../../src/index.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n';

// Expected outputs produced by `kubectl kustomize` (kustomize v5.5.0) on the same inputs.
describe('buildMetadata: [transformerAnnotations]', () => {
  it('records the (empty) commonLabels LabelTransformer after a labels entry', async () => {
    const fs = createMemoryFs({
      '/app/kustomization.yaml':
        'resources: [cm.yaml]\nbuildMetadata: [transformerAnnotations]\nlabels:\n- pairs: {a: b}\n',
      '/app/cm.yaml': CM,
    });
    expect((await build({ fs, path: '/app' })).toYaml()).toBe(
      `apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: LabelTransformer
  labels:
    a: b
  name: c
`,
    );
  });

  it('records only the transformers a kustomization configures', async () => {
    const fs = createMemoryFs({
      '/app/kustomization.yaml':
        'resources: [cm.yaml]\nbuildMetadata: [transformerAnnotations]\ncommonAnnotations: {a: b}\n',
      '/app/cm.yaml': CM,
    });
    expect((await build({ fs, path: '/app' })).toYaml()).toBe(
      `apiVersion: v1
kind: ConfigMap
metadata:
  annotations:
    a: b
    alpha.config.kubernetes.io/transformations: |
      - configuredIn: kustomization.yaml
        configuredBy:
          apiVersion: builtin
          kind: AnnotationsTransformer
  name: c
`,
    );
  });
});
