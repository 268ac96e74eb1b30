import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { parseResourceYaml, parseYaml11 } from '../../src/yaml/index.js';
import { YAML_LIMITS } from '../../src/yaml/limits.js';

function expectLimit(f: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(KustomizeError);
  expect((caught as KustomizeError).code).toBe('LimitExceeded');
  expect((caught as KustomizeError).message).toMatch(pattern);
}

/** `levels` levels of nine aliases each: 9^levels strings once expanded. */
function billionLaughs(levels: number): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= levels; i++) {
    text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
  }
  return text;
}

const both = [
  ['resource (yaml.v3)', (t: string) => parseResourceYaml(t, 'r.yaml')],
  ['kustomization (yaml.v2)', (t: string) => parseYaml11(t, 'kustomization.yaml')],
] as const;

describe.each(both)('YAML limits: %s', (_name, parse) => {
  it('refuses a billion laughs before expanding it', () => {
    const started = performance.now();
    expectLimit(() => parse(billionLaughs(9)), /expands aliases into more than/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('still expands ordinary anchors', () => {
    expect(parse('a: &x {b: 1}\nc: *x\n')).toEqual(
      _name.startsWith('resource') ? [{ a: { b: 1 }, c: { b: 1 } }] : { a: { b: 1 }, c: { b: 1 } },
    );
  });

  it('refuses 10,000 nested flow collections', () => {
    expectLimit(() => parse(`a: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), /levels deep/);
  });

  it('refuses deep nesting built from alias chains', () => {
    let text = 'a0: &a0 [x]\n';
    for (let i = 1; i <= 1200; i++) text += `a${i}: &a${i} [*a${i - 1}]\n`;
    expectLimit(() => parse(text), /levels deep|expands aliases/);
  });

  it('refuses deeply nested block mappings', () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push(`${' '.repeat(i)}k:`);
    expectLimit(() => parse(`${lines.join('\n')}\n`), /levels deep/);
  });

  it('accepts nesting up to the limit', () => {
    const depth = YAML_LIMITS.maxDepth - 2;
    expect(() => parse(`a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)).not.toThrow();
  });

  it('refuses a text beyond the size limit without parsing it', () => {
    const huge = `a: ${'x'.repeat(YAML_LIMITS.maxTextLength)}\n`;
    expectLimit(() => parse(huge), /exceeds the limit/);
  });
});
