import { describe, expect, it } from 'vitest';
import { applyReplacements } from '../../src/transformers/replacements/apply-replacements.js';
import {
  expandReplacementFields,
  parseReplacementFields,
} from '../../src/transformers/replacements/parse-replacements.js';
import { objectOf, resmapFromYaml } from './helpers.js';

// Cases of shared/conformance/kustomize (kubectl kustomize outputs), reduced to the resource
// map the ReplacementTransformer sees at its kustomization level: earlier transformers'
// renames appear as current names plus previous ids.

const deploy = (name: string, image: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  template:
    spec:
      containers:
      - {image: "${image}", name: nginx}
`;

const deployObject = (name: string, image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { template: { spec: { containers: [{ image, name: 'nginx' }] } } },
});

const prev = (...names: string[]) =>
  names.map((name) => ({ namespace: 'default', name, kind: 'Deployment' }));

describe('conformance: replacements', () => {
  it('TestReplacementTransformerWithSuffixTransformerAndReject: reject matches a previous name', () => {
    const rm = resmapFromYaml(
      `
apiVersion: apps/v1
kind: Deployment
metadata: {name: original-name-dev}
spec:
  template:
    spec:
      containers:
      - {image: "app1:1.0", name: app}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: app-config-dev}
data: {name: something-else}
`,
      {
        'Deployment/original-name-dev': prev('original-name'),
        'ConfigMap/app-config-dev': [
          { namespace: 'default', name: 'app-config', kind: 'ConfigMap' },
        ],
      },
    );
    const fields = parseReplacementFields([
      {
        source: { kind: 'ConfigMap', name: 'app-config', fieldPath: 'data.name' },
        targets: [
          {
            fieldPaths: ['spec.template.spec.containers.0.name'],
            select: { kind: 'Deployment' },
            reject: [{ name: 'original-name' }],
          },
        ],
      },
    ]);
    applyReplacements(
      rm,
      expandReplacementFields(fields, () => null),
    );
    expect(objectOf(rm, 'Deployment', 'original-name-dev')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'original-name-dev' },
      spec: { template: { spec: { containers: [{ image: 'app1:1.0', name: 'app' }] } } },
    });
  });

  it('TestReplacementTransformerWithOriginalName: sources and targets by previous names, from a file', () => {
    const rm = resmapFromYaml(
      deploy('prefix2-prefix1-target', 'nginx:oldtag') +
        '---' +
        deploy('prefix2-prefix1-source', 'nginx:newtag'),
      {
        'Deployment/prefix2-prefix1-target': prev('target', 'prefix1-target'),
        'Deployment/prefix2-prefix1-source': prev('source', 'prefix1-source'),
      },
    );
    const file = {
      source: { name: 'source', fieldPath: 'spec.template.spec.containers.0.image' },
      targets: [
        {
          select: { name: 'prefix1-target' },
          fieldPaths: ['spec.template.spec.containers.[name=nginx].image'],
        },
      ],
    };
    applyReplacements(
      rm,
      expandReplacementFields(parseReplacementFields([{ path: 'replacement.yaml' }]), () => file),
    );
    expect(objectOf(rm, 'Deployment', 'prefix2-prefix1-target')).toEqual(
      deployObject('prefix2-prefix1-target', 'nginx:newtag'),
    );
    expect(objectOf(rm, 'Deployment', 'prefix2-prefix1-source')).toEqual(
      deployObject('prefix2-prefix1-source', 'nginx:newtag'),
    );
  });

  it('TestReplacementTransformerWithDiamondShape (branch a): current names select', () => {
    const rm = resmapFromYaml(
      [
        deploy('a-deploy', 'nginx:1.7.9'),
        deploy('a-sourceA', 'nginx:newtagA'),
        deploy('a-sourceB', 'nginx:newtagB'),
      ].join('---'),
      {
        'Deployment/a-deploy': prev('deploy'),
        'Deployment/a-sourceA': prev('sourceA'),
        'Deployment/a-sourceB': prev('sourceB'),
      },
    );
    applyReplacements(rm, [
      {
        source: { name: 'a-sourceA', fieldPath: 'spec.template.spec.containers.0.image' },
        targets: [
          {
            select: { name: 'a-deploy' },
            fieldPaths: ['spec.template.spec.containers.[name=nginx].image'],
          },
        ],
      },
    ]);
    expect(rm.resources.map((r) => r.object)).toEqual([
      deployObject('a-deploy', 'nginx:newtagA'),
      deployObject('a-sourceA', 'nginx:newtagA'),
      deployObject('a-sourceB', 'nginx:newtagB'),
    ]);
  });

  it('TestReplacementsFieldWithPathMultiple: a file holding a list, applied in order', () => {
    const rm = resmapFromYaml(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: deploy}
spec:
  template:
    spec:
      containers:
      - {image: "foobar:1", name: replaced-with-digest}
      - {image: "postgres:1.8.0", name: postgresdb}
`);
    const file = [
      {
        source: { kind: 'Deployment', fieldPath: 'spec.template.spec.containers.0.image' },
        targets: [
          { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.1.image'] },
        ],
      },
      {
        source: { kind: 'Deployment', fieldPath: 'spec.template.spec.containers.0.name' },
        targets: [
          { select: { kind: 'Deployment' }, fieldPaths: ['spec.template.spec.containers.1.name'] },
        ],
      },
    ];
    applyReplacements(
      rm,
      expandReplacementFields([{ path: 'replacement.yaml' }], () => file),
    );
    expect(objectOf(rm, 'Deployment', 'deploy')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'deploy' },
      spec: {
        template: {
          spec: {
            containers: [
              { image: 'foobar:1', name: 'replaced-with-digest' },
              { image: 'foobar:1', name: 'replaced-with-digest' },
            ],
          },
        },
      },
    });
  });

  it('TestOrderOfAccumulatedComponent: replacements see the component namespace', () => {
    const rm = resmapFromYaml(
      `
apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, namespace: kustomize-namespace}
spec:
  containers:
  - image: busybox
    name: myapp-container
    env:
    - {name: CURRENT_POD_NAMESPACE, value: "$(PLACEHOLDER)"}
`,
      { 'Pod/myapp-pod': [{ namespace: 'dev-assa', name: 'myapp-pod', kind: 'Pod' }] },
    );
    applyReplacements(rm, [
      {
        source: { kind: 'Pod', name: 'myapp-pod', fieldPath: 'metadata.namespace' },
        targets: [
          {
            select: { kind: 'Pod', name: 'myapp-pod' },
            fieldPaths: [
              'spec.containers.[name=myapp-container].env.[name=CURRENT_POD_NAMESPACE].value',
            ],
          },
        ],
      },
    ]);
    expect(objectOf(rm, 'Pod', 'myapp-pod')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'myapp-pod', namespace: 'kustomize-namespace' },
      spec: {
        containers: [
          {
            env: [{ name: 'CURRENT_POD_NAMESPACE', value: 'kustomize-namespace' }],
            image: 'busybox',
            name: 'myapp-container',
          },
        ],
      },
    });
  });
});
