/**
 * parseResourceYaml: yaml.v3 + kyaml reading semantics. Every expectation here was checked
 * with kubectl kustomize (the printed form is in fixtures/resource-goldens.json).
 */
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { parseResourceYaml } from '../../src/yaml/index.js';

const one = (text: string): unknown => {
  const docs = parseResourceYaml(text);
  expect(docs).toHaveLength(1);
  return docs[0];
};
const value = (scalar: string): unknown => (one(`v: ${scalar}\n`) as { v: unknown }).v;

describe('documents', () => {
  it('splits on --- lines, skips empty, comment-only and null documents, normalises CRLF', () => {
    const text =
      'a: 1\r\n---\r\n# only a comment\r\n---\r\n\r\n---\r\nnull\r\n---\r\n~\r\n--- # c\r\nb: |\r\n  x\r\n';
    expect(parseResourceYaml(text)).toEqual([{ a: 1 }, { b: 'x\n' }]);
  });
  it('reads only the first document of a chunk (after `...`)', () => {
    expect(parseResourceYaml('a: 1\n...\nb: 2\n')).toEqual([{ a: 1 }]);
  });
  it('returns top-level sequences and scalars as they are (the caller rejects them)', () => {
    expect(parseResourceYaml('- a\n- b\n---\nhello\n')).toEqual([['a', 'b'], 'hello']);
  });
  it('refuses a separator line with content, and a directive cut from its document', () => {
    expect(() => parseResourceYaml('a: 1\n--- !!map\nb: 2\n')).toThrow(
      /invalid document separator/,
    );
    expect(() => parseResourceYaml('%YAML 1.1\n---\na: 1\n')).toThrow(/document start/);
  });
  it('names file, document and line in errors', () => {
    try {
      parseResourceYaml('a: 1\n---\nb: [1, 2\n', 'dir/r.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KustomizeError);
      const err = e as KustomizeError;
      expect(err.code).toBe('InvalidYaml');
      expect(err.location).toMatchObject({ file: 'dir/r.yaml', document: 1 });
      expect(err.message).toContain('dir/r.yaml');
    }
  });
});

describe('scalars (yaml.v3 rules)', () => {
  it('null and bool forms', () => {
    expect(['~', 'null', 'Null', 'NULL', '', 'nULL'].map((s) => value(s))).toEqual([
      null,
      null,
      null,
      null,
      null,
      'nULL',
    ]);
    expect(
      ['true', 'True', 'TRUE', 'false', 'tRue', 'yes', 'on', 'y', 'On'].map((s) => value(s)),
    ).toEqual([true, true, true, false, 'tRue', 'yes', 'on', 'y', 'On']);
  });
  it('integers via Go ParseInt base 0', () => {
    expect(
      ['0x1F', '0o17', '017', '0b101', '1_000', '+1', '-0b101', '-0o17', '00', '0b-1'].map((s) =>
        value(s),
      ),
    ).toEqual([31, 15, 15, 5, 1000, 1, -5, -15, 0, -1]);
  });
  it('integers beyond 2^53 are bigints, beyond uint64 floats', () => {
    expect(value('9007199254740993')).toBe(9007199254740993n);
    expect(value('12345678901234567890')).toBe(12345678901234567890n);
    expect(value('18446744073709551616')).toBe(18446744073709551616);
    expect(value('-9223372036854775809')).toBe(-9223372036854775809);
  });
  it('floats', () => {
    expect(
      ['1.0', '1.50', '1e3', '.5', '+.5', '09', '08.5', '1e-400'].map((s) => value(s)),
    ).toEqual([1, 1.5, 1000, 0.5, 0.5, 9, 8.5, 0]);
    expect(value('1e400')).toBe('1e400');
    expect(() => value('.inf')).toThrow(/unsupported value/);
    expect(() => value('.nan')).toThrow(KustomizeError);
  });
  it('timestamps become RFC 3339 text', () => {
    expect(value('2001-12-14')).toBe('2001-12-14T00:00:00Z');
    expect(value('2001-12-14t21:59:43.10-05:00')).toBe('2001-12-14T21:59:43.1-05:00');
    expect(value('2001-12-14 21:59:43.10')).toBe('2001-12-14T21:59:43.1Z');
    expect(value('2001-1-2')).toBe('2001-01-02T00:00:00Z');
    expect(value('2001-12-14T21:59:43.1234567891+01:30')).toBe(
      '2001-12-14T21:59:43.123456789+01:30',
    );
    expect(value('2001-12-14T21:59:43+00:00')).toBe('2001-12-14T21:59:43Z');
    for (const s of [
      '2001-02-30',
      '2001-12-14 21:59:43.10 -5',
      '2001-12-14T24:00:00Z',
      '2001-12-14T21:59:43z',
    ]) {
      expect(value(s)).toBe(s);
    }
    expect(() => value('2001-12-14T21:59:43+24:00')).toThrow(/timezone hour/);
  });
  it('quoted, tagged, binary and unknown-tag scalars', () => {
    expect(value("'123'")).toBe('123');
    expect(value('!!str 123')).toBe('123');
    expect(value('!!int "3"')).toBe(3);
    expect(value('!!float 1')).toBe(1);
    expect(value('!!binary aGVsbG8=')).toBe('hello');
    expect(value('!!binary "gA=="')).toBe('\uFFFD');
    expect(value('!foo bar')).toBe('bar');
    expect(value('! 12')).toBe(12);
    expect(value('!!timestamp "2001-12-14"')).toBe('2001-12-14T00:00:00Z');
    expect(() => value('!!int foo')).toThrow(/cannot decode !!str `foo` as a !!int/);
    expect(() => value('!!binary "abc"')).toThrow(/base64/);
  });
  it('block scalars, including the folded-scalar quirk of kyaml round trips', () => {
    expect(value('|\n  a\n   b\n')).toBe('a\n b\n');
    expect(value('>-\n  one\n  two\n\n  three\n   more\n')).toBe('one two\nthree\n\n more');
  });
});

describe('flow collections, as kyaml re-emits them', () => {
  it('turns empty values into empty strings and colon-bearing timestamps into strings', () => {
    expect(
      one('a: {d: }\nb: [x: ]\nc: [2001-12-14, 2001-12-14 10:00:00]\nd: [~, null, ""]\n'),
    ).toEqual({
      a: { d: '' },
      b: [{ x: '' }],
      c: ['2001-12-14T00:00:00Z', '2001-12-14 10:00:00'],
      d: [null, null, ''],
    });
  });
});

describe('aliases and merge keys', () => {
  it('expands aliases into independent copies', () => {
    const doc = one('a: &x {k: [1]}\nb: *x\n') as { a: { k: number[] }; b: { k: number[] } };
    expect(doc.b).toEqual({ k: [1] });
    doc.a.k.push(2);
    expect(doc.b.k).toEqual([1]);
  });
  it('merges: explicit keys win, earlier sources win; quoted "<<" keys are dropped', () => {
    const doc = one(
      'b: &b {x: 1, y: 2}\nm:\n  <<: [*b, {x: 9, z: 3}]\n  y: 0\nq: {"<<": {m: 1}, k: 1}\n',
    );
    expect(doc).toEqual({ b: { x: 1, y: 2 }, m: { x: 1, y: 0, z: 3 }, q: { k: 1 } });
  });
  it('refuses bad merges and unknown anchors', () => {
    expect(() => one('x:\n  <<: 5\n')).toThrow(/map merge requires/);
    expect(() => one('s: &s [1]\nx:\n  <<: *s\n')).toThrow(/non-map/);
    expect(() => one('x:\n  <<: {a: 1}\n  <<: {b: 1}\n')).toThrow(/duplicate merge key/);
    expect(() => one('x: *nope\n')).toThrow(/unknown anchor/);
  });
});

describe('keys', () => {
  it('top-level keys are the key text', () => {
    expect(one('1: x\ntrue: y\n1.50: z\n2001-12-14: t\n')).toEqual({
      '1': 'x',
      true: 'y',
      '1.50': 'z',
      '2001-12-14': 't',
    });
  });
  it('nested keys must be strings; null keys and duplicates fail', () => {
    expect(one('a: {"1": y, !!str 2: z}\n')).toEqual({ a: { '1': 'y', '2': 'z' } });
    expect(() => one('a: {1: y}\n')).toThrow(/unsupported type/);
    expect(() => one('a: {null: y}\n')).toThrow(KustomizeError);
    expect(() => one('a: 1\na: 2\n')).toThrow(/mapping key "a" already defined at line 1/);
    expect(() => one('m: {a: 1, "a": 2}\n')).toThrow(/already defined/);
  });
  it('keeps __proto__ as an ordinary key', () => {
    const doc = one('__proto__: {a: 1}\nb: {__proto__: 2}\n') as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });
});

describe('characters libyaml refuses', () => {
  it('fails on raw control characters', () => {
    expect(() => parseResourceYaml('a: "x\x7f"\n')).toThrow(/control characters/);
    expect(() => parseResourceYaml('a: x\x01\n')).toThrow(KustomizeError);
  });
});
