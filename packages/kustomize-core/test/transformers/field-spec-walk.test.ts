import type { YamlMap, YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import {
  fieldSpecSelects,
  splitFieldPath,
  walkFieldSpec,
} from '../../src/filters/field-spec-walk.js';
import { KResource } from '../../src/resource/k-resource.js';
import { fs, objectsFromYaml } from './helpers.js';

function one(yaml: string): YamlMap {
  return objectsFromYaml(yaml)[0] as YamlMap;
}

function values(
  object: YamlMap,
  path: string,
  create = false,
  createKind?: 'map' | 'seq' | 'scalar',
): Array<YamlValue | undefined> {
  const seen: Array<YamlValue | undefined> = [];
  walkFieldSpec(object, fs(path, { create }), (f) => seen.push(f.value), createKind);
  return seen;
}

describe('splitFieldPath', () => {
  it('splits on / and honours \\/ escapes (kyaml PathSplitter)', () => {
    expect(splitFieldPath('spec/template/metadata/labels')).toEqual([
      'spec',
      'template',
      'metadata',
      'labels',
    ]);
    expect(
      splitFieldPath('metadata/annotations/nginx.ingress.kubernetes.io\\/auth-secret'),
    ).toEqual(['metadata', 'annotations', 'nginx.ingress.kubernetes.io/auth-secret']);
    expect(splitFieldPath('a\\/b\\/c/d')).toEqual(['a/b/c', 'd']);
    expect(splitFieldPath('')).toEqual(['']);
    expect(splitFieldPath('spec/containers[]/image')).toEqual(['spec', 'containers[]', 'image']);
  });
});

describe('walkFieldSpec', () => {
  const pod = one(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x
    env: [{name: E, valueFrom: {configMapKeyRef: {name: cm}}}, {name: F, value: v}]
  - name: b
  - null
`);

  it('applies the rest of the path to every sequence element', () => {
    expect(values(pod, 'spec/containers/image')).toEqual(['x']);
    expect(values(pod, 'spec/containers/name')).toEqual(['a', 'b']);
    expect(values(pod, 'spec/containers/env/valueFrom/configMapKeyRef/name')).toEqual(['cm']);
  });

  it('visits a list itself when the path ends on it', () => {
    expect(values(pod, 'spec/containers')).toHaveLength(1);
  });

  it('ignores missing fields unless told to create them', () => {
    const o = one('kind: Deployment\nspec: {}');
    expect(values(o, 'spec/selector/matchLabels')).toEqual([]);
    expect(o).toEqual({ kind: 'Deployment', spec: {} });
    expect(values(o, 'spec/selector/matchLabels', true)).toEqual([]); // no create kind: no creation
    expect(values(o, 'spec/selector/matchLabels', true, 'map')).toEqual([{}]);
    expect(o).toEqual({ kind: 'Deployment', spec: { selector: { matchLabels: {} } } });
  });

  it('creates a missing scalar leaf as null for the visitor to set', () => {
    const o = one('kind: ConfigMap\nmetadata: {name: a}');
    walkFieldSpec(o, fs('metadata/namespace', { create: true }), (f) => f.set('ns'), 'scalar');
    expect(o).toEqual({ kind: 'ConfigMap', metadata: { name: 'a', namespace: 'ns' } });
  });

  // [verified] a Job's `spec.selector: ~` stays null under commonLabels (no create), a
  // Deployment's `spec.selector: ~` / `template: ~` become maps (create), and a StatefulSet's
  // `volumeClaimTemplates: ~` becomes `[]` (`name[]` hint) while null elements stay null.
  it('treats null fields like kustomize', () => {
    const job = one('kind: Job\nspec: {selector: null}');
    expect(values(job, 'spec/selector/matchLabels')).toEqual([]);
    expect(job).toEqual({ kind: 'Job', spec: { selector: null } });

    const dep = one('kind: Deployment\nspec: {selector: null}');
    expect(values(dep, 'spec/selector/matchLabels', true, 'map')).toEqual([{}]);
    expect(dep).toEqual({ kind: 'Deployment', spec: { selector: { matchLabels: {} } } });

    const sts = one('kind: StatefulSet\nspec: {volumeClaimTemplates: null}');
    expect(values(sts, 'spec/volumeClaimTemplates[]/metadata/labels', true, 'map')).toEqual([]);
    expect(sts).toEqual({ kind: 'StatefulSet', spec: { volumeClaimTemplates: [] } });

    const sts2 = one('kind: StatefulSet\nspec: {volumeClaimTemplates: [null, {spec: {}}]}');
    values(sts2, 'spec/volumeClaimTemplates[]/metadata/labels', true, 'map');
    expect(sts2.spec).toEqual({
      volumeClaimTemplates: [null, { spec: {}, metadata: { labels: {} } }],
    });

    // A null leaf without create is visited as null (the setter decides).
    expect(values(one('a: {b: null}'), 'a/b')).toEqual([null]);
  });

  it('never creates a `name[]` list', () => {
    const o = one('kind: StatefulSet\nspec: {}');
    expect(values(o, 'spec/volumeClaimTemplates[]/metadata/labels', true, 'map')).toEqual([]);
    expect(o).toEqual({ kind: 'StatefulSet', spec: {} });
  });

  it('set() replaces the field in its parent, in maps and lists', () => {
    const o = one('a: [{b: 1}, {b: 2}]');
    walkFieldSpec(o, fs('a/b'), (f) => f.set(Number(f.value) * 10));
    expect(o).toEqual({ a: [{ b: 10 }, { b: 20 }] });
  });

  // [verified] errors: "considering field 'spec/selector/matchLabels' of object
  // Deployment.v1.apps/s.[noNs]: expected sequence or mapping node"
  it('fails when the path runs through a scalar', () => {
    const o = one(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: s}\nspec: {selector: foo}',
    );
    const err = (() => {
      try {
        values(o, 'spec/selector/matchLabels', true, 'map');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(KustomizeError);
    expect((err as KustomizeError).code).toBe('InvalidFieldSpec');
    expect((err as KustomizeError).message).toBe(
      "considering field 'spec/selector/matchLabels' of object Deployment.v1.apps/s.[noNs]: expected sequence or mapping node",
    );
  });

  it('wraps errors from inside lists with the remaining path', () => {
    const o = one(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{env: [x]}]}',
    );
    expect(() => values(o, 'spec/containers/env/value')).toThrow(
      "considering field 'spec/containers/env/value' of object Pod.v1.[noGrp]/p.[noNs]: visit traversal on path: [env value]: visit traversal on path: [value]: expected sequence or mapping node",
    );
  });
});

describe('fieldSpecSelects', () => {
  const dep = new KResource(one('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}'));
  it('matches non-empty parts of the GVK against the current object', () => {
    expect(fieldSpecSelects(fs('x'), dep)).toBe(true);
    expect(fieldSpecSelects(fs('x', { kind: 'Deployment' }), dep)).toBe(true);
    expect(fieldSpecSelects(fs('x', { group: 'apps', kind: 'Deployment' }), dep)).toBe(true);
    expect(fieldSpecSelects(fs('x', { group: 'extensions', kind: 'Deployment' }), dep)).toBe(false);
    expect(fieldSpecSelects(fs('x', { version: 'v1beta1' }), dep)).toBe(false);
    expect(fieldSpecSelects(fs('x', { kind: 'StatefulSet' }), dep)).toBe(false);
  });
  it('reads apiVersion like api/filters/fieldspec (core versions v1…/v2…)', () => {
    const svc = new KResource(one('apiVersion: v1\nkind: Service\nmetadata: {name: s}'));
    expect(fieldSpecSelects(fs('x', { version: 'v1', kind: 'Service' }), svc)).toBe(true);
    expect(fieldSpecSelects(fs('x', { group: 'v1' }), svc)).toBe(false);
  });
});
