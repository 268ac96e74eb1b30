import { describe, expect, it } from 'vitest';
import { mergeGeneratorOptions } from '../../src/generators/index.js';

describe('mergeGeneratorOptions', () => {
  it('returns the local options when there are no global ones', () => {
    expect(mergeGeneratorOptions(undefined, undefined)).toBeUndefined();
    expect(mergeGeneratorOptions(undefined, { immutable: true })).toEqual({ immutable: true });
  });

  it('lets local map keys win and ORs the booleans', () => {
    const global = {
      labels: { a: 'g', b: 'g' },
      annotations: { x: 'g' },
      disableNameSuffixHash: true,
      immutable: false,
    };
    const local = { labels: { a: 'l' }, disableNameSuffixHash: false, immutable: true };
    expect(mergeGeneratorOptions(global, local)).toEqual({
      labels: { a: 'l', b: 'g' },
      annotations: { x: 'g' },
      disableNameSuffixHash: true,
      immutable: true,
    });
    expect(local).toEqual({ labels: { a: 'l' }, disableNameSuffixHash: false, immutable: true });
    expect(global.labels).toEqual({ a: 'g', b: 'g' });
  });

  it('copies the global options when the generator has none', () => {
    const global = { labels: { a: 'g' } };
    const merged = mergeGeneratorOptions(global, undefined);
    expect(merged).toEqual({ labels: { a: 'g' } });
    expect(merged?.labels).not.toBe(global.labels);
  });
});
