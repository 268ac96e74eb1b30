import { describe, expect, test } from 'vitest';
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { normalizeDryRunObject, normalizeObject } from '@kustomate/drift-diff';
import { readSsaJson } from './corpus.js';

interface NormalizeCase {
  name: string;
  function: 'normalize.Unstructured' | 'normalize.DryRunUnstructured';
  input: YamlMap;
  upstreamExpected: YamlMap;
}

/**
 * The corpus' expectations come from a typed Go round-trip and carry zero values (`name: ""`,
 * `resources: {}`, `targetPort: 0`, `creationTimestamp: null`, …). As its README says, a port
 * that does not round-trip through typed structs asserts only the semantic changes: strip
 * zero values from both sides, then compare.
 */
function stripZero(v: YamlValue | undefined): YamlValue | undefined {
  if (v === null || v === '' || v === 0) return undefined;
  if (Array.isArray(v)) return v.map((x) => stripZero(x) ?? {});
  if (isYamlMap(v)) {
    const out: YamlMap = {};
    for (const [k, x] of Object.entries(v)) {
      const s = stripZero(x);
      if (s !== undefined) out[k] = s;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

const cases = readSsaJson<NormalizeCase[]>('normalize-cases.json');

describe('ssa/normalize-cases.json', () => {
  test('corpus has 12 cases', () => {
    expect(cases).toHaveLength(12);
  });
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const fn = c.function === 'normalize.Unstructured' ? normalizeObject : normalizeDryRunObject;
    const got = fn(c.input);
    expect(stripZero(got)).toEqual(stripZero(c.upstreamExpected));
    // Input objects are never mutated.
    expect(got).not.toBe(c.input);
  });
});

describe('normalisation beyond the corpus', () => {
  test('stringData keys override data keys and stringData is removed', () => {
    const got = normalizeObject({
      apiVersion: 'v1',
      kind: 'Secret',
      data: { a: 'eA==', b: 'eQ==' },
      stringData: { a: 'z' },
    });
    expect(got).toEqual({ apiVersion: 'v1', kind: 'Secret', data: { a: 'eg==', b: 'eQ==' } });
  });
  test('server-populated metadata is dropped, labels kept', () => {
    const got = normalizeObject({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'c',
        uid: 'u',
        resourceVersion: '7',
        generation: 2,
        labels: { a: 'b' },
        managedFields: [],
      },
    });
    expect(got['metadata']).toEqual({ name: 'c', labels: { a: 'b' } });
  });
  test('status is kept on CustomResourceDefinitions', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      status: { a: 1 },
    };
    expect(normalizeObject(crd)['status']).toEqual({ a: 1 });
  });
  test('non-ASCII stringData is base64 of its UTF-8 bytes', () => {
    const got = normalizeObject({ apiVersion: 'v1', kind: 'Secret', stringData: { k: 'é€😀' } });
    expect(got['data']).toEqual({ k: Buffer.from('é€😀', 'utf8').toString('base64') });
  });
});
