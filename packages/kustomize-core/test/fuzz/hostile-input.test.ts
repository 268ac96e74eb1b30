/**
 * Hostile YAML through a whole build: alias bombs, absurd nesting and huge files are refused
 * with a typed `LimitExceeded` error, quickly and before memory grows without bound.
 */
import { describe, expect, it } from 'vitest';
import type { MemoryFiles } from '@kustomate/vfs';
import { YAML_LIMITS } from '../../src/yaml/limits.js';
import { fuzzBuild } from './harness.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

function laughs(levels: number): string {
  let text = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= levels; i++) {
    text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]\n`;
  }
  return text;
}

function refused(files: MemoryFiles): string {
  const started = performance.now();
  const out = fuzzBuild(files, '/app');
  expect(performance.now() - started).toBeLessThan(4000);
  expect(out.ok).toBe(false);
  if (out.ok) return '';
  // target/patch-transformers.ts wraps the failed readings of a patch in `InvalidPatch`
  // (cause: the LimitExceeded error); every other path reports LimitExceeded itself.
  const codes: unknown[] = [];
  for (let e: unknown = out.error; e instanceof Error; e = e.cause) {
    codes.push((e as { code?: unknown }).code);
  }
  expect(codes[0] === 'InvalidPatch' ? codes[codes.length - 1] : codes[0]).toBe('LimitExceeded');
  return out.error.message;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('fuzz: hostile input is refused with LimitExceeded', () => {
  it('a billion laughs in a resource', () => {
    const message = refused({
      '/app/kustomization.yaml': 'resources: [bomb.yaml]\n',
      '/app/bomb.yaml': `${CM}data:\n  x: y\n${laughs(9).replace(/^/gm, '  ')}`.replace(
        'data:\n  x: y\n',
        'data:\n',
      ),
    });
    expect(message).toContain('bomb.yaml');
  });

  it('a billion laughs in the kustomization', () => {
    refused({
      '/app/kustomization.yaml': `${laughs(9)}resources: [cm.yaml]\n`,
      '/app/cm.yaml': CM,
    });
  });

  it('a billion laughs in a patch file', () => {
    refused({
      '/app/kustomization.yaml': 'resources: [cm.yaml]\npatches: [{path: p.yaml}]\n',
      '/app/cm.yaml': CM,
      '/app/p.yaml':
        `${CM}metadata:\n  name: cm\n  labels: {}\nbomb:\n${laughs(9).replace(/^/gm, '  ')}`.replace(
          `${CM}metadata:\n  name: cm\n`,
          `${CM}`,
        ),
    });
  });

  it('10,000 levels of nesting in a resource, the kustomization and an inline patch', () => {
    refused({
      '/app/kustomization.yaml': 'resources: [deep.yaml]\n',
      '/app/deep.yaml': `${CM}data:\n  x: ${nested(10_000)}\n`,
    });
    refused({
      '/app/kustomization.yaml': `resources: [cm.yaml]\ncommonLabels: ${nested(10_000)}\n`,
      '/app/cm.yaml': CM,
    });
    refused({
      '/app/kustomization.yaml': JSON.stringify({
        resources: ['cm.yaml'],
        patches: [{ patch: `${CM}data: ${nested(10_000)}\n` }],
      }),
      '/app/cm.yaml': CM,
    });
  });

  it('a resource file beyond the size limit', () => {
    refused({
      '/app/kustomization.yaml': 'resources: [huge.yaml]\n',
      '/app/huge.yaml': `${CM}data:\n  x: "${'x'.repeat(YAML_LIMITS.maxTextLength)}"\n`,
    });
  });

  it('JSON 6902 values nested too deep, and operations that blow a resource up', () => {
    const ops = (list: unknown[]) => JSON.stringify(list);
    // A patch file (its text is not inside the kustomization): JSON.parse reads any depth.
    refused({
      '/app/kustomization.yaml':
        'resources: [cm.yaml]\npatches: [{path: p.json, target: {kind: ConfigMap}}]\n',
      '/app/cm.yaml': CM,
      '/app/p.json': `[{"op":"add","path":"/data","value":${nested(100_000)}}]`,
    });
    // `copy` doubles the resource per operation.
    refused({
      '/app/kustomization.yaml':
        'resources: [cm.yaml]\npatches: [{path: p.json, target: {kind: ConfigMap}}]\n',
      '/app/cm.yaml': CM,
      '/app/p.json': ops([
        { op: 'add', path: '/data', value: { a: 'b' } },
        ...Array.from({ length: 40 }, (_, i) => ({
          op: 'copy',
          from: '/data',
          path: `/data/k${i}`,
        })),
      ]),
    });
  });
});
