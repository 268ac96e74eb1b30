/**
 * Laws of the YAML layer, checked on generated values:
 * - printing is a fixpoint of reading (kustomize output read back prints identically);
 * - the fast block parser and the general parser agree on everything the printer writes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { YamlValue } from '@kustomate/resource';
import { Composer } from '../../src/yaml/composer.js';
import { parseFastDocument } from '../../src/yaml/fast-parse.js';
import { emitYaml, parseResourceYaml } from '../../src/yaml/index.js';
import { parseFirstDocument } from '../../src/yaml/parse-documents.js';

/**
 * Strings the printer accepts: no characters yaml.v2 refuses (kustomize fails on those), and
 * no raw U+2028/U+2029 (libyaml reads those as line breaks, the `yaml` package does not).
 */
const REFUSED = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff\u2028\u2029]/g;
const interesting = fc.constantFrom(
  ' ',
  '  ',
  ':',
  ': ',
  '#',
  ' #',
  '-',
  '- ',
  '?',
  "'",
  '"',
  '\\',
  '\n',
  '\t',
  '\r',
  '0',
  '1',
  '.',
  'e',
  '+',
  '_',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  'yes',
  'null',
  '\u0085',
  '\u00a0',
  '\ufeff',
  'é',
  '中',
  '\u{1F600}',
  '\0',
  '\x1b',
  '2001-12-14',
  '12:30',
  '0x1F',
  '1e3',
  'word ',
);
const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
      { weight: 2, arbitrary: interesting },
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join('').replace(REFUSED, 'x'));
const key = text.map((s) => s.replace(/\u0085/g, 'x')).filter((s) => s !== '<<');
const scalar: fc.Arbitrary<YamlValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }) },
  { weight: 1, arbitrary: fc.constantFrom<YamlValue>(true, false, null) },
);
const { value } = fc.letrec<{ value: YamlValue; map: Record<string, YamlValue> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('map'),
  ),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
}));
const resource = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

function slowParse(text: string): YamlValue {
  const ref = { text, baseOffset: 0, baseLine: 0 };
  const doc = parseFirstDocument(ref);
  return doc === undefined || doc.contents === null
    ? null
    : new Composer('v3', ref).value(doc.contents, true);
}

describe('properties', () => {
  it('emit(parse(emit(v))) === emit(v)', () => {
    fc.assert(
      fc.property(resource, (v) => {
        const out = emitYaml(v);
        const back = parseResourceYaml(out);
        expect(back).toHaveLength(1);
        expect(emitYaml(back[0] ?? null)).toBe(out);
      }),
      { numRuns: 400 },
    );
  });
  it('the fast path and the general parser agree on printed resources', () => {
    fc.assert(
      fc.property(resource, (v) => {
        const out = emitYaml(v);
        const fast = parseFastDocument(out);
        if (fast !== undefined) expect(fast).toEqual(slowParse(out));
      }),
      { numRuns: 400 },
    );
  });
});
