import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { applyPrefix, applySuffix, fixNameReferences } from '../../src/transformers/index.js';
import { fs, objectsOf, resMapFromYaml, runTransformers, sortedForCompare } from './helpers.js';

// Oracle: base `namePrefix: a-`, `nameSuffix: -a`; overlay `namePrefix: b-`, `nameSuffix: -b`.
const INPUT = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.example.com
---
apiVersion: example.com/v1
kind: APIService
metadata:
  name: not-registration
---
apiVersion: v1
kind: Namespace
metadata:
  name: ns
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: foo
`;
const OUTPUT = `apiVersion: v1
kind: Namespace
metadata:
  name: ns
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: foos.example.com
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: b-a-cm-a-b
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1.example.com
---
apiVersion: example.com/v1
kind: APIService
metadata:
  name: b-a-not-registration-a-b
---
apiVersion: example.com/v1
kind: Foo
metadata:
  name: b-a-foo-a-b
`;

describe('applyPrefix / applySuffix', () => {
  it('matches kubectl kustomize over two levels, skipping CRD, apiregistration APIService and Namespace', () => {
    const m = resMapFromYaml(INPUT);
    runTransformers(m, { namePrefix: 'a-', nameSuffix: '-a' });
    runTransformers(m, { namePrefix: 'b-', nameSuffix: '-b' });
    fixNameReferences(m);
    const { got, want } = sortedForCompare(m, OUTPUT);
    expect(got).toEqual(want);
  });

  it('records prefixes, suffixes and previous ids', () => {
    const m = resMapFromYaml(INPUT);
    runTransformers(m, { namePrefix: 'a-', nameSuffix: '-a' });
    runTransformers(m, { namePrefix: 'b-', nameSuffix: '-b' });
    const cm = m.resources.find((r) => r.kind === 'ConfigMap');
    expect(cm?.name).toBe('b-a-cm-a-b');
    expect(cm?.namePrefixes).toEqual(['a-', 'b-']);
    expect(cm?.nameSuffixes).toEqual(['-a', '-b']);
    expect(cm?.previousNames.map((p) => p.name)).toEqual(['cm', 'a-cm', 'a-cm-a', 'b-a-cm-a']);
    expect(cm?.orgId().name).toBe('cm');
    const crd = m.resources.find((r) => r.kind === 'CustomResourceDefinition');
    expect(crd?.namePrefixes).toEqual([]);
    expect(crd?.previousNames).toEqual([]);
  });

  it('judges the skip list and field specs on the original id', () => {
    // A ConfigMap that a patch turned into a Namespace is still prefixed.
    const m = resMapFromYaml('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}');
    const r = m.resources[0];
    r?.previousNames.push({ namespace: 'default', name: 'x', kind: 'ConfigMap' });
    if (r) r.kind = 'Namespace';
    applyPrefix(m, 'p-');
    expect(r?.name).toBe('p-x');
    // ...while a field spec for kind Namespace does not select it.
    applyPrefix(m, 'q-', [fs('metadata/name', { kind: 'Namespace' })]);
    expect(r?.name).toBe('p-x');
  });

  it('applies extra field specs (and creates them when asked)', () => {
    const m = resMapFromYaml(
      'apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: f}\nspec: {ref: r}',
    );
    applySuffix(m, '-s', [
      fs('metadata/name'),
      fs('spec/ref', { kind: 'Foo' }),
      fs('spec/made', { create: true }),
    ]);
    expect(objectsOf(m)[0]).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Foo',
      metadata: { name: 'f-s' },
      spec: { ref: 'r-s', made: '-s' },
    });
    expect(m.resources[0]?.nameSuffixes).toEqual(['-s']);
  });

  // [verified] nameSuffix "3" with configurations nameSuffix [data/n, data/s, data/e, data/t]:
  // n: 12 → 123 (int), s: "12" → "123", e: 1e → 1000 (1e3 re-read as a float), t: tru → tru3.
  it('keeps the value type kyaml would re-read', () => {
    const m = resMapFromYaml(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "12"}\ndata: {n: 12, s: "12", e: 1e, t: tru}',
    );
    applySuffix(m, '3', [
      fs('data/n'),
      fs('data/s'),
      fs('data/e'),
      fs('data/t'),
      fs('metadata/name'),
    ]);
    expect(objectsOf(m)[0]?.data).toEqual({ n: 123, s: '123', e: 1000, t: 'tru3' });
    expect(m.resources[0]?.name).toBe('123');
  });

  it('fails on a non-scalar field', () => {
    const m = resMapFromYaml(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {m: {x: 1}}',
    );
    let err: unknown;
    try {
      applyPrefix(m, 'p-', [fs('data/m')]);
    } catch (e) {
      err = e;
    }
    expect((err as KustomizeError).code).toBe('InvalidFieldSpec');
    expect((err as KustomizeError).message).toMatch(
      /wrong node kind: expected ScalarNode but got MappingNode/,
    );
  });
});
