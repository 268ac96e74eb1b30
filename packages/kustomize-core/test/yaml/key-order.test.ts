/** compareYamlV2Keys: yaml.v2's keyList.Less (reference §0; orders checked with kubectl kustomize). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareYamlV2Keys } from '../../src/yaml/index.js';

const sorted = (keys: string[]): string[] => [...keys].sort(compareYamlV2Keys);

describe('compareYamlV2Keys', () => {
  it('orders the reference examples', () => {
    const pairs: Array<[string, string]> = [
      ['9key', '10key'],
      ['item9', 'item10'],
      ['Ab', 'a_b'],
      ['a_b', 'aB'],
      ['_z', '1'],
      ['1', 'B'],
      ['x0', 'x00'],
      ['x00', 'x1'],
      ['x1', 'x01'],
      ['x01', 'x10'],
      ['z', 'Ä'],
      ['a1_', 'a1b'],
      ['apiVersion', 'data'],
      ['data', 'kind'],
      ['kind', 'metadata'],
      ['metadata', 'spec'],
      ['a', 'ab'],
    ];
    for (const [a, b] of pairs) {
      expect(compareYamlV2Keys(a, b), `${a} < ${b}`).toBeLessThan(0);
      expect(compareYamlV2Keys(b, a), `${b} > ${a}`).toBeGreaterThan(0);
    }
  });
  it('matches the order kubectl kustomize printed', () => {
    // fixtures/resource-goldens.json, case "key order".
    expect(
      sorted([
        'b',
        'a',
        'B',
        '_z',
        '1',
        'item10',
        'item9',
        '10key',
        '9key',
        'Ab',
        'a_b',
        'aB',
        'x0',
        'x00',
        'x1',
        'x01',
        'x10',
        'z',
        'Ä',
        'a1_',
        'a1b',
        'apiVersion',
        'kind',
        'metadata',
        'spec',
        'data',
        'é',
        '-',
        '.',
        'a.b',
        'a-b',
        'a/b',
        'A',
      ]),
    ).toEqual([
      '-',
      '.',
      '_z',
      '1',
      '9key',
      '10key',
      'A',
      'Ab',
      'B',
      'a',
      'a-b',
      'a.b',
      'a/b',
      'a_b',
      'a1_',
      'a1b',
      'aB',
      'apiVersion',
      'b',
      'data',
      'item9',
      'item10',
      'kind',
      'metadata',
      'spec',
      'x0',
      'x00',
      'x1',
      'x01',
      'x10',
      'z',
      'Ä',
      'é',
    ]);
  });
  it('is not transitive in general', () => {
    expect(compareYamlV2Keys('a1b', 'a9b')).toBeLessThan(0);
    expect(compareYamlV2Keys('a9b', 'a10a')).toBeLessThan(0);
    expect(compareYamlV2Keys('a10a', 'a1b')).toBeLessThan(0);
  });
  it('handles long digit runs and astral characters', () => {
    expect(compareYamlV2Keys('x99999999999999999999', 'x100000000000000000000')).not.toBe(0);
    expect(compareYamlV2Keys('a\u{1F600}', 'a\u{1F601}')).toBeLessThan(0);
    expect(compareYamlV2Keys('a\u{1F600}', 'ab')).toBeLessThan(0);
  });
  it('is antisymmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const x = compareYamlV2Keys(a, b);
        const y = compareYamlV2Keys(b, a);
        expect(Math.sign(x) + Math.sign(y)).toBe(0);
        expect(x === 0).toBe(a === b);
      }),
    );
  });
  it('is transitive on letter-only keys (plain code point order)', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcXYZ'.split('')) });
    fc.assert(
      fc.property(letters, letters, letters, (a, b, c) => {
        if (compareYamlV2Keys(a, b) < 0 && compareYamlV2Keys(b, c) < 0)
          expect(compareYamlV2Keys(a, c)).toBeLessThan(0);
      }),
    );
  });
});
