import { describe, expect, it } from 'vitest';
import { matchesLabels, parseLabelSelector } from '../src/index.js';

describe('label selectors', () => {
  it('parses every kubectl form', () => {
    expect(parseLabelSelector('a=b, c==d, e!=f, g in (h, i), j notin (k), l, !m')).toEqual([
      { key: 'a', operator: 'in', values: ['b'] },
      { key: 'c', operator: 'in', values: ['d'] },
      { key: 'e', operator: 'notin', values: ['f'] },
      { key: 'g', operator: 'in', values: ['h', 'i'] },
      { key: 'j', operator: 'notin', values: ['k'] },
      { key: 'l', operator: 'exists', values: [] },
      { key: 'm', operator: '!exists', values: [] },
    ]);
  });

  it('rejects malformed selectors with Invalid', () => {
    expect(() => parseLabelSelector('a in b')).toThrow(
      expect.objectContaining({ code: 'Invalid' }),
    );
  });

  it('matches labels; an empty selector matches everything', () => {
    expect(matchesLabels({ app: 'web' }, '')).toBe(true);
    expect(matchesLabels(undefined, 'app!=web')).toBe(true);
    expect(matchesLabels({ app: 'web' }, 'app notin (web)')).toBe(false);
  });
});
