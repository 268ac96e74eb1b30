import type { YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { classifyPatch, isJson6902Document } from '../../src/patch/index.js';

const resource = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
const op = { op: 'add', path: '/data', value: { a: 'b' } };
const notResources = new Error('missing kind in object');
const notOps = new Error('json: cannot unmarshal object into Go value of type jsonpatch.Patch');

// Each row mirrors a `patches: [{path}]` entry run through `kubectl kustomize` (v5.5.0): what
// the resource reader and the ops decoder make of the text, and what kustomize decided.
describe('classifyPatch', () => {
  it.each([
    ['a resource document', [resource], notOps, 'smp'],
    ['several resource documents', [resource, resource], notOps, 'smp'],
    ['a YAML op list', notResources, [op], 'json6902'],
    [
      'an op list with a null item (fails later: "Unexpected kind: unknown")',
      notResources,
      [op, null],
      'json6902',
    ],
  ] as [string, YamlValue[] | Error, YamlValue | Error, string][])(
    '%s → %s',
    (_name, sm, ops, kind) => {
      expect(classifyPatch(sm, ops)).toBe(kind);
    },
  );

  it.each([
    ['a comment-only file (no resources, ops null)', [], null],
    ['`[]` (no resources, no ops)', [], []],
  ] as [string, YamlValue[], YamlValue][])('%s illegally qualifies as both', (_name, sm, ops) => {
    const result = classifyPatch(sm, ops, 'path: "p0.yaml"');
    expect(result).toBeInstanceOf(KustomizeError);
    expect((result as KustomizeError).code).toBe('InvalidPatch');
    expect((result as KustomizeError).message).toBe(
      'illegally qualifies as both an SM and JSON patch: [path: "p0.yaml"]',
    );
  });

  it.each([
    ['a flow-YAML op list starting with `[` (not JSON)', notResources, new Error('invalid JSON')],
    ['an op list with a scalar item', notResources, [op, 'foo']],
    ['a single JSON op object', notResources, op],
  ] as [string, Error, YamlValue | Error][])('%s is neither', (_name, sm, ops) => {
    const result = classifyPatch(sm, ops, 'path: "p0.yaml"');
    expect(result).toBeInstanceOf(KustomizeError);
    expect((result as KustomizeError).message).toBe(
      'unable to parse SM or JSON patch from [path: "p0.yaml"]',
    );
  });

  it('recognises what DecodePatch accepts', () => {
    expect(isJson6902Document(null)).toBe(true);
    expect(isJson6902Document([])).toBe(true);
    expect(isJson6902Document([op, null, {}])).toBe(true);
    expect(isJson6902Document([op, [op]])).toBe(false);
    expect(isJson6902Document(op)).toBe(false);
    expect(isJson6902Document('add')).toBe(false);
  });
});
