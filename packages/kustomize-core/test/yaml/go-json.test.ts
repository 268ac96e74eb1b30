/** goJsonMarshal: Go encoding/json output, checked through kustomize's name hashes (reference §4.1). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import type { YamlValue } from '@kustomate/resource';
import { goJsonMarshal } from '../../src/yaml/index.js';

/** kustomize's hash suffix of an encoded object (hasher.go: sha256, hex, 10 chars, vowels swapped). */
function kustomizeHash(value: YamlValue): string {
  const hex = bytesToHex(sha256(new TextEncoder().encode(goJsonMarshal(value)))).slice(0, 10);
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c] ?? c);
}

describe('goJsonMarshal', () => {
  it('sorts keys bytewise and writes no spaces', () => {
    expect(
      goJsonMarshal({ b: 1, a: [true, null, 'x'], A: {}, é: 0, '\u{1F600}': 1, '\uFFFD': 2 }),
    ).toBe('{"A":{},"a":[true,null,"x"],"b":1,"é":0,"\uFFFD":2,"\u{1F600}":1}');
  });
  it('escapes like Go (HTML-safe, control characters, U+2028/9)', () => {
    expect(goJsonMarshal('<a & b>\u2028\u2029\n\t\r\b\f\x01\x1f\x7f"\\é\u{1F600}')).toBe(
      '"\\u003ca \\u0026 b\\u003e\\u2028\\u2029\\n\\t\\r\\b\\f\\u0001\\u001f\x7f\\"\\\\é\u{1F600}"',
    );
    expect(goJsonMarshal('\uD800x')).toBe('"\\ufffdx"');
  });
  it('formats numbers like Go', () => {
    expect(
      goJsonMarshal([1, -0, 1.5, 1e21, 1e-7, 123456789, 12345678901234567890n, 0.000001]),
    ).toBe('[1,-0,1.5,1e+21,1e-7,123456789,12345678901234567890,0.000001]');
  });
  it('reproduces kustomize ConfigMap hashes', () => {
    expect(kustomizeHash({ data: { k1: 'v1' }, kind: 'ConfigMap', name: '' })).toBe('8f7tbf6t6m');
    expect(kustomizeHash({ data: '', kind: 'ConfigMap', name: '' })).toBe('6ct58987ht');
    // kubectl kustomize: literals ["k=a\bb\fc<&>\u2028"] gave cm-9kf5f8bb9c.
    expect(kustomizeHash({ data: { k: 'a\bb\fc<&>\u2028' }, kind: 'ConfigMap', name: '' })).toBe(
      '9kf5f8bb9c',
    );
  });
});
