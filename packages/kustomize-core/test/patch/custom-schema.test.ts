import { cloneYaml, type YamlMap, type YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import {
  applyStrategicMerge,
  createSchemaFromOpenApi,
  isNavigableSchema,
} from '../../src/patch/index.js';
import { builtinSchema } from '../../src/schema/schema-info.js';
import {
  DEPLOYMENT_CONFIG_SCHEMA,
  MYCRD_SCHEMA,
  SHAPES_CASE,
  SHAPES_SCHEMA,
} from './fixtures/custom-schemas.js';

const mycrd = (apiVersion: string, containers: YamlValue[]): YamlMap => ({
  apiVersion,
  kind: 'MyCRD',
  metadata: { name: 'service' },
  spec: { template: { spec: { containers } } },
});

describe('createSchemaFromOpenApi', () => {
  const schema = createSchemaFromOpenApi(MYCRD_SCHEMA, 'mycrd_schema.json');

  it('merges by the custom merge keys (conformance TestCustomOpenApiFieldBasicUsage)', () => {
    const target = mycrd('example.com/v1alpha1', [
      {
        name: 'server',
        image: 'server',
        command: 'example',
        ports: [{ name: 'grpc', protocol: 'TCP', containerPort: 8080 }],
      },
    ]);
    const patch = mycrd('example.com/v1alpha1', [{ name: 'server', image: 'nginx' }]);
    expect(applyStrategicMerge(target, patch, { schema })).toEqual(
      mycrd('example.com/v1alpha1', [
        {
          command: 'example',
          image: 'nginx',
          name: 'server',
          ports: [{ containerPort: 8080, name: 'grpc', protocol: 'TCP' }],
        },
      ]),
    );
  });

  it('registers every GVK of a definition, including the core-group one', () => {
    expect(schema.hasType({ group: 'example.com', version: 'v1alpha1', kind: 'MyCRD' })).toBe(true);
    expect(schema.hasType({ group: '', version: 'v1alpha1', kind: 'MyCRD' })).toBe(true);
    const target = mycrd('v1alpha1', [{ name: 'server', image: 'a' }, { name: 'side' }]);
    const out = applyStrategicMerge(target, mycrd('v1alpha1', [{ name: 'server', image: 'b' }]), {
      schema,
    });
    expect(((out?.spec as YamlMap).template as YamlMap).spec).toEqual({
      containers: [{ name: 'server', image: 'b' }, { name: 'side' }],
    });
  });

  it('answers listMerge by path and marks kinds it lacks as schema-less', () => {
    const gvk = { group: 'example.com', version: 'v1alpha1', kind: 'MyCRD' };
    expect(schema.listMerge(gvk, 'spec.template.spec.containers')).toEqual({
      associative: true,
      primitive: false,
      keys: ['name'],
    });
    expect(schema.listMerge(gvk, 'spec.template.spec.containers[].ports')).toEqual({
      associative: true,
      primitive: false,
      keys: ['containerPort', 'protocol'],
    });
    expect(schema.listMerge(gvk, 'spec.template.spec.containers[].command')).toEqual({
      associative: false,
    });
    expect(schema.hasType({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(false);
    expect(isNavigableSchema(schema)).toBe(true);
    expect(isNavigableSchema(builtinSchema)).toBe(false);
  });

  it('replaces the built-in schema: a Deployment container list is replaced (verified)', () => {
    const deployment = (containers: YamlValue[]): YamlMap => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { containers } } },
    });
    const out = applyStrategicMerge(
      deployment([
        { name: 'a', image: 'a' },
        { name: 'b', image: 'b' },
      ]),
      deployment([{ name: 'b', image: 'b2' }]),
      { schema },
    );
    expect(out).toEqual(deployment([{ name: 'b', image: 'b2' }]));
  });

  it('follows lists without `type`, merge,retainKeys, sets, additionalProperties and list-map keys (oracle)', () => {
    const shapes = createSchemaFromOpenApi(SHAPES_SCHEMA, 'shapes.json');
    const target = cloneYaml(SHAPES_CASE.target);
    expect(applyStrategicMerge(target, SHAPES_CASE.patch, { schema: shapes })).toEqual(
      SHAPES_CASE.expected,
    );
  });

  it('merges inside a schema-less kind below a map carrying a known apiVersion/kind (oracle)', () => {
    const bar = (containers: YamlValue[]): YamlMap => ({
      apiVersion: 'x/v1',
      kind: 'Bar',
      metadata: { name: 'b' },
      spec: { inner: mycrd('example.com/v1alpha1', containers) },
    });
    const out = applyStrategicMerge(
      bar([{ name: 'a', image: '1' }, { name: 'b' }]),
      bar([{ name: 'b', image: '2' }]),
      { schema },
    );
    const inner = ((out?.spec as YamlMap).inner as YamlMap).spec as YamlMap;
    expect((inner.template as YamlMap).spec).toEqual({
      containers: [
        { name: 'b', image: '2' },
        { name: 'a', image: '1' },
      ],
    });
  });

  it('without the referenced definitions, lists are replaced (oracle, openapi set by the root)', () => {
    const dcSchema = createSchemaFromOpenApi(DEPLOYMENT_CONFIG_SCHEMA, 'openapi.json');
    const out = applyStrategicMerge(deploymentConfig(), deploymentConfigPatch(), {
      schema: dcSchema,
    });
    expect((out?.spec as YamlMap).template).toEqual({
      spec: {
        containers: [
          { name: 'container', volumeMounts: [{ name: 'additional-cm', mountPath: '/mnt' }] },
        ],
        initContainers: [{ name: 'init' }],
        volumes: [{ name: 'additional-cm', configMap: { name: 'additional-cm' } }],
      },
    });
  });

  it('layers over a base schema (conformance TestCustomOpenApiFieldFromComponentWithOverlays)', () => {
    const dcSchema = createSchemaFromOpenApi(DEPLOYMENT_CONFIG_SCHEMA, 'openapi.json', {
      base: POD_BASE,
    });
    const out = applyStrategicMerge(deploymentConfig(), deploymentConfigPatch(), {
      schema: dcSchema,
    });
    expect(out).toEqual({
      apiVersion: 'apps.openshift.io/v1',
      kind: 'DeploymentConfig',
      metadata: { name: 'my-dc' },
      spec: {
        template: {
          spec: {
            containers: [
              {
                env: [{ name: 'foo', value: 'bar' }],
                name: 'container',
                volumeMounts: [
                  { mountPath: '/mnt', name: 'additional-cm' },
                  { mountPath: '/opt/cm', name: 'cm' },
                ],
              },
            ],
            initContainers: [{ name: 'init' }],
            volumes: [
              { configMap: { name: 'additional-cm' }, name: 'additional-cm' },
              { configMap: { name: 'cm' }, name: 'cm' },
            ],
          },
        },
      },
    });
  });

  it('takes cluster scope from the built-in table, then from GET paths', () => {
    const withPaths = createSchemaFromOpenApi(
      {
        definitions: {},
        paths: {
          '/apis/example.com/v1/widgets': {
            get: {
              'x-kubernetes-group-version-kind': {
                group: 'example.com',
                version: 'v1',
                kind: 'Widget',
              },
            },
          },
          '/apis/example.com/v1/gadgets': {
            get: {
              'x-kubernetes-group-version-kind': {
                group: 'example.com',
                version: 'v1',
                kind: 'Gadget',
              },
            },
          },
          '/apis/example.com/v1/namespaces/{namespace}/gadgets': {
            get: {
              'x-kubernetes-group-version-kind': {
                group: 'example.com',
                version: 'v1',
                kind: 'Gadget',
              },
            },
          },
        },
      },
      'paths.json',
    );
    expect(withPaths.isClusterScoped({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBe(
      true,
    );
    expect(withPaths.isClusterScoped({ group: 'example.com', version: 'v1', kind: 'Gadget' })).toBe(
      false,
    );
    expect(withPaths.isClusterScoped({ group: '', version: 'v1', kind: 'Namespace' })).toBe(true);
    expect(withPaths.isClusterScoped({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe(
      false,
    );
    expect(
      withPaths.isClusterScoped({ group: 'example.com', version: 'v1', kind: 'Unknown' }),
    ).toBe(false);
  });

  it('survives $ref cycles and unresolvable refs', () => {
    const cyclic = createSchemaFromOpenApi(
      {
        definitions: {
          a: { $ref: '#/definitions/b' },
          b: { $ref: '#/definitions/a' },
          root: {
            'x-kubernetes-group-version-kind': [{ group: 'x', version: 'v1', kind: 'R' }],
            properties: { spec: { $ref: '#/definitions/a' }, other: { $ref: 'other.json#/x' } },
          },
        },
      },
      'cyclic.json',
    );
    const gvk = { group: 'x', version: 'v1', kind: 'R' };
    expect(cyclic.listMerge(gvk, 'spec.items')).toEqual({ associative: false });
    expect(cyclic.listMerge(gvk, 'other.items')).toEqual({ associative: false });
  });

  it.each([
    ['a list', [1]],
    ['definitions that are not a map', { definitions: [1] }],
    [
      'a GVK extension without a version',
      { definitions: { d: { 'x-kubernetes-group-version-kind': [{ kind: 'K' }] } } },
    ],
  ] as [string, YamlValue][])('rejects %s with InvalidSchema', (_name, doc) => {
    let thrown: unknown;
    try {
      createSchemaFromOpenApi(doc, 'bad.json');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(KustomizeError);
    expect((thrown as KustomizeError).code).toBe('InvalidSchema');
    expect((thrown as KustomizeError).location.file).toBe('bad.json');
  });
});

function deploymentConfig(): YamlMap {
  return {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    metadata: { name: 'my-dc' },
    spec: {
      template: {
        spec: {
          initContainers: [{ name: 'init' }],
          containers: [
            {
              name: 'container',
              env: [{ name: 'foo', value: 'bar' }],
              volumeMounts: [{ name: 'cm', mountPath: '/opt/cm' }],
            },
          ],
          volumes: [{ name: 'cm', configMap: { name: 'cm' } }],
        },
      },
    },
  };
}

function deploymentConfigPatch(): YamlMap {
  return {
    apiVersion: 'apps.openshift.io/v1',
    kind: 'DeploymentConfig',
    metadata: { name: 'my-dc' },
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'container', volumeMounts: [{ name: 'additional-cm', mountPath: '/mnt' }] },
          ],
          volumes: [{ name: 'additional-cm', configMap: { name: 'additional-cm' } }],
        },
      },
    },
  };
}

const mergeBy = (ref: string, key: string): YamlMap => ({
  type: 'array',
  items: { $ref: `#/definitions/${ref}` },
  'x-kubernetes-patch-strategy': 'merge',
  'x-kubernetes-patch-merge-key': key,
});

/** The few built-in (Kubernetes v1.21.2) definitions the DeploymentConfig schema refers to. */
const POD_BASE: YamlMap = {
  definitions: {
    'io.k8s.api.core.v1.PodTemplateSpec': {
      type: 'object',
      properties: { spec: { $ref: '#/definitions/io.k8s.api.core.v1.PodSpec' } },
    },
    'io.k8s.api.core.v1.PodSpec': {
      type: 'object',
      properties: {
        containers: mergeBy('io.k8s.api.core.v1.Container', 'name'),
        initContainers: mergeBy('io.k8s.api.core.v1.Container', 'name'),
        volumes: mergeBy('io.k8s.api.core.v1.Volume', 'name'),
      },
    },
    'io.k8s.api.core.v1.Container': {
      type: 'object',
      properties: {
        env: mergeBy('io.k8s.api.core.v1.EnvVar', 'name'),
        volumeMounts: mergeBy('io.k8s.api.core.v1.VolumeMount', 'mountPath'),
      },
    },
    'io.k8s.api.core.v1.EnvVar': { type: 'object' },
  },
};
