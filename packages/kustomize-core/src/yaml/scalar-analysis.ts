/**
 * libyaml's scalar analysis as yaml.v2's emitter runs it (`yaml_emitter_analyze_scalar`),
 * reduced to what block context needs: may the text be written plain, single-quoted or as a
 * literal block?
 *
 * @module
 */

/** The styles a scalar's text allows in block context. */
export interface ScalarAnalysis {
  /** The text contains a line break (`\n`, `\r`, U+0085, U+2028, U+2029). */
  readonly multiline: boolean;
  readonly plainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

/** libyaml `is_printable` on a code point: what may appear unescaped in output. */
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

/** libyaml `is_break`. */
export function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const EMPTY: ScalarAnalysis = {
  multiline: false,
  plainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: false,
};

/** Characters that start an indicator when they open a plain scalar. */
const LEADING_INDICATORS = new Set('#,[]{}&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

/** Analyses `value` (a well-formed string) like libyaml does before choosing a style. */
export function analyzeScalar(value: string): ScalarAnalysis {
  const len = value.length;
  if (len === 0) return EMPTY;
  let indicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < len;) {
    const cp = value.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    const next = value.charCodeAt(i + w);
    const followedByWhitespace = i + w >= len || next === 0x20 || next === 0x09;
    if (i === 0) {
      if (LEADING_INDICATORS.has(cp)) indicators = true;
      else if ((cp === 0x3f || cp === 0x3a || cp === 0x2d) && followedByWhitespace)
        indicators = true;
    } else if (cp === 0x3a) {
      if (followedByWhitespace) indicators = true;
    } else if (cp === 0x23) {
      if (precededByWhitespace) indicators = true;
    }
    if (!isPrintable(cp)) special = true;
    const last = i + w === len;
    if (cp === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = cp === 0x20 || cp === 0x09 || cp === 0 || isBreak(cp);
    i += w;
  }
  let plainAllowed = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let singleQuotedAllowed = true;
  let blockAllowed = !trailingSpace;
  if (breakSpace) plainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || special) plainAllowed = singleQuotedAllowed = blockAllowed = false;
  if (lineBreaks || indicators) plainAllowed = false;
  return { multiline: lineBreaks, plainAllowed, singleQuotedAllowed, blockAllowed };
}
