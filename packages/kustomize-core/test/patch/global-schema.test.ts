import { describe, expect, it } from 'vitest';
import type { Gvk, YamlValue } from '@kustomate/resource';
import { applyStrategicMerge } from '../../src/patch/index.js';
import { GlobalSchema, builtinOpenApiDocument } from '../../src/schema/global-schema.js';

const DC: Gvk = { group: 'apps.openshift.io', version: 'v1', kind: 'DeploymentConfig' };
const DEPLOYMENT: Gvk = { group: 'apps', version: 'v1', kind: 'Deployment' };

/** A custom schema defining DeploymentConfig with `$ref`s into the built-in definitions. */
const CUSTOM: YamlValue = {
  definitions: {
    'com.github.openshift.api.apps.v1.DeploymentConfig': {
      properties: {
        spec: { $ref: '#/definitions/com.github.openshift.api.apps.v1.DeploymentConfigSpec' },
      },
      'x-kubernetes-group-version-kind': [
        { group: 'apps.openshift.io', kind: 'DeploymentConfig', version: 'v1' },
      ],
    },
    'com.github.openshift.api.apps.v1.DeploymentConfigSpec': {
      properties: { template: { $ref: '#/definitions/io.k8s.api.core.v1.PodTemplateSpec' } },
    },
  },
};
const custom = { kind: 'custom', source: { doc: CUSTOM, file: 'openapi.json' } } as const;

function containersMerge(schema: GlobalSchema, gvk: Gvk) {
  return schema
    .schemaForType(gvk)
    ?.field('spec')
    ?.field('template')
    ?.field('spec')
    ?.field('containers')
    ?.listMerge();
}

describe('GlobalSchema (kyaml global schema, parsed lazily)', () => {
  it('keeps only the built-in definitions it needs, with field existence', () => {
    const doc = builtinOpenApiDocument() as { definitions: Record<string, unknown> };
    expect(Object.keys(doc.definitions)).toHaveLength(618);
    expect(doc.definitions['io.k8s.api.core.v1.PodSpec']).toMatchObject({
      properties: { dnsPolicy: {}, containers: { 'x-kubernetes-patch-merge-key': 'name' } },
    });
  });

  it('a custom schema chosen before any lookup replaces the built-in one', () => {
    const schema = new GlobalSchema();
    schema.set({ kind: 'none' }, true);
    schema.set(custom, false);
    expect(schema.builtinParsed).toBe(false);
    expect(containersMerge(schema, DC)).toBeUndefined(); // PodTemplateSpec is unresolved
    expect(schema.hasType(DEPLOYMENT)).toBe(false);
  });

  it('a custom schema chosen after the built-in one was parsed is layered over it', () => {
    const schema = new GlobalSchema();
    schema.set({ kind: 'none' }, true);
    // kustomize parses the schema to learn the scope of a kind outside its precomputed table.
    expect(schema.isClusterScoped(DC)).toBe(false);
    expect(schema.builtinParsed).toBe(true);
    schema.set(custom, false);
    expect(containersMerge(schema, DC)).toEqual({
      associative: true,
      primitive: false,
      keys: ['name'],
    });
    expect(containersMerge(schema, DEPLOYMENT)).toEqual({
      associative: true,
      primitive: false,
      keys: ['name'],
    });
  });

  it('a precomputed kind does not parse the schema', () => {
    const schema = new GlobalSchema();
    expect(schema.isClusterScoped({ group: '', version: 'v1', kind: 'Namespace' })).toBe(true);
    expect(schema.builtinParsed).toBe(false);
  });

  it('only the first nested choice counts; the root resets', () => {
    const schema = new GlobalSchema();
    schema.set({ kind: 'version', version: 'v1.21.2' }, false);
    schema.set(custom, false);
    expect(schema.hasType(DEPLOYMENT)).toBe(true);
    expect(schema.chosen).toBe(true);
  });

  it('below a field the built-in schema does not know, apiVersion/kind bring a schema', () => {
    const pod = (containers: YamlValue[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      spec: { containers },
    });
    const target = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { foo: pod([{ name: 'a' }, { name: 'b', image: 'b' }]) } } },
    };
    const patch = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { template: { spec: { foo: pod([{ name: 'b', image: 'b2' }]) } } },
    };
    const out = applyStrategicMerge(target, patch, { schema: new GlobalSchema() }) as {
      spec: { template: { spec: { foo: { spec: { containers: unknown } } } } };
    };
    // kubectl kustomize v5.5.0 merges by name here.
    expect(out.spec.template.spec.foo.spec.containers).toEqual([
      { image: 'b2', name: 'b' },
      { name: 'a' },
    ]);
  });
});
