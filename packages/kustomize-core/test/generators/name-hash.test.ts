// Hashes checked against names produced by `kubectl kustomize` (v1.32.4, kustomize v5.5.0).
import { describe, expect, it } from 'vitest';
import { computeNameHash } from '../../src/generators/index.js';

describe('computeNameHash', () => {
  it('hashes ConfigMap data only (cm-8f7tbf6t6m), whatever the name and metadata', () => {
    const base = { apiVersion: 'v1', kind: 'ConfigMap', data: { k1: 'v1' } };
    expect(computeNameHash({ ...base, metadata: { name: 'cm' } })).toBe('8f7tbf6t6m');
    expect(
      computeNameHash({
        ...base,
        metadata: { name: 'p-other', namespace: 'x', labels: { a: 'b' }, annotations: { c: 'd' } },
      }),
    ).toBe('8f7tbf6t6m');
  });

  it('hashes an empty ConfigMap with data "" (6ct58987ht)', () => {
    expect(computeNameHash({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })).toBe(
      '6ct58987ht',
    );
  });

  it('escapes like Go encoding/json (\\b, \\f, <>&, U+2028, control chars) (c-h5b244k7g6)', () => {
    const value = 'a\bb\fc<>&\u2028\x01\x7f"\\\t\r\n\u{1F600}';
    expect(computeNameHash({ kind: 'ConfigMap', data: { f: value } })).toBe('h5b244k7g6');
  });

  it('hashes Secret type and data (e-46f8b28mk5; merged empty Secret sec-8226t8dd99)', () => {
    expect(computeNameHash({ kind: 'Secret', type: 'Opaque', data: {} })).toBe('46f8b28mk5');
    expect(computeNameHash({ kind: 'Secret', type: 'Opaque' })).toBe('8226t8dd99');
  });

  it('includes binaryData for ConfigMaps (c-95tt59fd24)', () => {
    const object = {
      kind: 'ConfigMap',
      binaryData: { bin: 'AP/+gGFiYw==', k: 'AP/+gGFiYw==' },
      data: { utf: 'héllo\n' },
      immutable: true,
    };
    expect(computeNameHash(object)).toBe('95tt59fd24');
  });

  it('sees data values as JSON (numbers stay numbers)', () => {
    expect(computeNameHash({ kind: 'ConfigMap', data: { a: 1 } })).not.toBe(
      computeNameHash({ kind: 'ConfigMap', data: { a: '1' } }),
    );
    expect(computeNameHash({ kind: 'ConfigMap', data: { a: 10n } })).toBe(
      computeNameHash({ kind: 'ConfigMap', data: { a: 10 } }),
    );
  });

  it('produces 10 characters without 0, 1, 3, a, e for other kinds too', () => {
    const h = computeNameHash({ apiVersion: 'v1', kind: 'Foo', data: { b: '3' } });
    expect(h).toMatch(/^[2456789bcdfghkmt]{10}$/);
  });
});
