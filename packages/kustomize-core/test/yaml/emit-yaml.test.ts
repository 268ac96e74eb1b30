/**
 * emitYaml on plain values. Expectations are kubectl kustomize v5.5.0 output (reference
 * §5, §9, and oracle runs recorded in fixtures/).
 */
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { emitResources, emitYaml } from '../../src/yaml/index.js';

/** The printed line for `v: <value>` in a top-level mapping. */
const line = (value: unknown): string =>
  emitYaml({ v: value as string })
    .replace(/^v:/, '')
    .replace(/\n$/, '');

describe('emitYaml: strings YAML 1.1 would read as something else are double-quoted', () => {
  const cases = [
    'yes',
    'no',
    'y',
    'Y',
    'n',
    'on',
    'OFF',
    'True',
    'Null',
    '~',
    '',
    '123',
    '1.5',
    '-1',
    '+1',
    '0x1F',
    '017',
    '0o17',
    '1e3',
    '.5',
    '1_000',
    '.inf',
    '2001-12-14',
    '12:30:45',
    '12:30',
    '1:20',
  ];
  for (const s of cases) it(JSON.stringify(s), () => expect(line(s)).toBe(` ${JSON.stringify(s)}`));
});

describe('emitYaml: plain when libyaml allows it', () => {
  const cases = [
    '10.0.0.1',
    '1.2.3',
    'a:b',
    'a#b',
    'a, b',
    '=',
    'say "hi"',
    'http://x/a?b=c#d',
    '-dash',
    'key with space',
    '1e400',
    '09x',
    'é',
    '\u00a0x',
  ];
  for (const s of cases) it(JSON.stringify(s), () => expect(line(s)).toBe(` ${s}`));
});

describe('emitYaml: single-quoted when plain is not allowed', () => {
  const cases: Array<[string, string]> = [
    ['*x', "'*x'"],
    ['&x', "'&x'"],
    ['!x', "'!x'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['- x', "'- x'"],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['{x}', "'{x}'"],
    ['[x]', "'[x]'"],
    ['a:', "'a:'"],
    ['---', "'---'"],
    ['...', "'...'"],
    ['?', "'?'"],
    ['|', "'|'"],
    ['>', "'>'"],
    ["'quoted'", "'''quoted'''"],
    ['{"a": 1, "b": [1,2]}', '\'{"a": 1, "b": [1,2]}\''],
  ];
  for (const [s, out] of cases) it(JSON.stringify(s), () => expect(line(s)).toBe(` ${out}`));
});

describe('emitYaml: double-quoted with escapes', () => {
  const cases: Array<[string, string]> = [
    ['a\tb', '"a\\tb"'],
    ['a\x01b', '"a\\x01b"'],
    ['a\r\nb', '"a\\r\\nb"'],
    ['line1 \nline2', '"line1 \\nline2"'],
    ['\tx\ny', '"\\tx\\ny"'],
    ['\u{1F600}', '"\\U0001F600"'],
    ['\uFEFFx', '"\\uFEFF\\x78"'],
    ['x\uFEFFy', '"x\\uFEFFy"'],
    ['\0', '"\\0"'],
    ['\x1b', '"\\e"'],
  ];
  for (const [s, out] of cases) it(JSON.stringify(s), () => expect(line(s)).toBe(` ${out}`));
});

describe('emitYaml: literal blocks', () => {
  it('clip, strip and keep chomping', () => {
    expect(emitYaml({ a: 'x\ny\n', b: 'x\ny', c: 'x\n\n' })).toBe(
      'a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |+\n  x\n\n',
    );
  });
  it('indentation indicator for a leading space or line break', () => {
    expect(emitYaml({ a: ' x\ny', b: '\nx' })).toBe('a: |2-\n   x\n  y\nb: |2-\n\n  x\n');
  });
  it('not for keys, nor with trailing spaces before a break', () => {
    expect(emitYaml({ 'a\nb': 1, c: 'x \ny' })).toBe('? |-\n  a\n  b\n: 1\nc: "x \\ny"\n');
  });
});

describe('emitYaml: folding at 80 columns', () => {
  it('folds a long plain value two spaces deeper than its key', () => {
    const v =
      'This is a very long string value that goes well beyond the eighty column limit of the emitter, with many words';
    expect(emitYaml({ nested: { long: v } })).toBe(
      'nested:\n  long: This is a very long string value that goes well beyond the eighty column limit\n' +
        '    of the emitter, with many words\n',
    );
  });
  it('never breaks a long word', () => {
    const w = 'x'.repeat(100);
    expect(emitYaml({ k: `${w} y` })).toBe(`k: ${w}\n  y\n`);
  });
});

describe('emitYaml: structure', () => {
  it('sorts keys, does not indent sequences under keys, prints empty collections in flow style', () => {
    expect(
      emitYaml({
        spec: { b: [1, [2, 3], { x: 'y', a: null }], a: {} },
        kind: 'K',
        apiVersion: 'v1',
        e: [],
      }),
    ).toBe(
      'apiVersion: v1\ne: []\nkind: K\nspec:\n  a: {}\n  b:\n  - 1\n  - - 2\n    - 3\n  - a: null\n    x: "y"\n',
    );
  });
  it('writes keys longer than 128 bytes in the explicit form', () => {
    const k = 'k'.repeat(129);
    expect(emitYaml({ [k]: { a: [1] } })).toBe(`? ${k}\n: a:\n  - 1\n`);
    expect(emitYaml({ ['k'.repeat(128)]: 1 })).toBe(`${'k'.repeat(128)}: 1\n`);
  });
  it('quotes keys like values', () => {
    expect(emitYaml({ y: 1, on: 2, n: 3, '1': 4 })).toBe('"1": 4\n"n": 3\n"on": 2\n"y": 1\n');
  });
});

describe('emitYaml: numbers as Go prints them after JSON and yaml.v2', () => {
  const cases: Array<[number | bigint, string]> = [
    [1, '1'],
    [1.5, '1.5'],
    [1000, '1000'],
    [-0, '0'],
    [0.5, '0.5'],
    [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'],
    [123456.5, '123456.5'],
    [1e23, '1e+23'],
    [1e21, '1e+21'],
    [1e20, '1e+20'],
    [1e-7, '1e-07'],
    [5e-324, '5e-324'],
    [12345678901234567890n, '12345678901234567890'],
    [9223372036854775808n, '9223372036854775808'],
    [-9223372036854775809, '-9.223372036854776e+18'],
    [18446744073709551616, '1.8446744073709552e+19'],
    [2 ** 60, '1152921504606847000'],
    [9007199254740993n, '9007199254740993'],
  ];
  for (const [n, out] of cases) it(String(n), () => expect(line(n)).toBe(` ${out}`));
  it('refuses NaN and infinities like Go JSON', () => {
    expect(() => emitYaml({ v: Infinity })).toThrow(KustomizeError);
    expect(() => emitYaml({ v: NaN })).toThrow(/unsupported value/);
  });
});

describe('emitYaml: strings on their way through Go JSON and yaml.v2', () => {
  it('folds raw NEL like a line break in a quoted scalar', () => {
    expect(line('a\u0085b')).toBe(' a b');
    expect(line('x\n\u0085y\n')).toBe(' |\n  x\n   y');
  });
  it('fails on characters yaml.v2 refuses', () => {
    for (const s of ['a\x7fb', '\x80', '\uFFFE']) {
      expect(() => emitYaml({ v: s })).toThrow(
        expect.objectContaining({ code: 'Output' }) as Error,
      );
    }
    expect(() => emitYaml({ ['a\u0085b']: 1 })).toThrow(KustomizeError);
  });
});

describe('emitResources', () => {
  it('joins documents with ---', () => {
    expect(emitResources([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
    expect(emitResources([])).toBe('');
  });
});
