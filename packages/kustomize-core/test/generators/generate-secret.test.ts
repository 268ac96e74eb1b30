// Expected objects and names below were produced by `kubectl kustomize` (v1.32.4, kustomize
// v5.5.0) on the same inputs.
import { describe, expect, it } from 'vitest';
import { KustomizeError } from '../../src/errors.js';
import { computeNameHash, generateSecret } from '../../src/generators/index.js';
import { bytes, createMemoryLoader } from './memory-loader.js';

describe('generateSecret', () => {
  it('builds the §9 TLS Secret with a 70-char-line long value (p-sec-5ctk8k2626)', () => {
    const res = generateSecret(
      {
        name: 'sec',
        type: 'kubernetes.io/tls',
        literals: ['password=s3cr3t', `long=${'a'.repeat(63)}`],
      },
      createMemoryLoader({}),
    );
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'sec' },
      type: 'kubernetes.io/tls',
      data: {
        long:
          'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\n' +
          'FhYWFhYWFhYWFh\n',
        password: 'czNjcjN0',
      },
    });
    expect(computeNameHash(res.object)).toBe('5ctk8k2626');
    expect(res.origin?.configuredBy).toEqual({ apiVersion: 'builtin', kind: 'SecretGenerator' });
  });

  it('sets namespace, type, labels, annotations and immutable (s-hm5f724df9)', () => {
    const res = generateSecret(
      {
        name: 's',
        namespace: 'ns',
        type: 'kubernetes.io/tls',
        literals: ['a=1'],
        options: { immutable: true, labels: { l: 'v' }, annotations: { an: 'v' } },
      },
      createMemoryLoader({}),
    );
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'ns', labels: { l: 'v' }, annotations: { an: 'v' } },
      type: 'kubernetes.io/tls',
      data: { a: 'MQ==' },
      immutable: true,
    });
    expect(computeNameHash(res.object)).toBe('hm5f724df9');
  });

  it('always creates data and defaults the type to Opaque (e-46f8b28mk5)', () => {
    const res = generateSecret({ name: 'e' }, createMemoryLoader({}));
    expect(res.object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'e' },
      type: 'Opaque',
      data: {},
    });
    expect(computeNameHash(res.object)).toBe('46f8b28mk5');
  });

  it('base64-encodes binary and text files; 70+ chars become lines (s-67g9629fg6)', () => {
    const loader = createMemoryLoader({
      '/app/bin': bytes('\x00\xff\xfe\x80abc'),
      '/app/utf': bytes('h\xc3\xa9llo\n'),
    });
    const res = generateSecret(
      {
        name: 's',
        files: ['bin', 'utf'],
        literals: [`l69=${'a'.repeat(51)}`, `l70=${'a'.repeat(52)}`, `l140=${'a'.repeat(103)}`],
      },
      loader,
    );
    expect(res.object.data).toEqual({
      bin: 'AP/+gGFiYw==',
      l69: 'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFh',
      l70: 'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ\n==\n',
      l140:
        'YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYW\n' +
        'FhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ==\n',
      utf: 'aMOpbGxvCg==',
    });
    expect(computeNameHash(res.object)).toBe('67g9629fg6');
  });

  it('words errors like kustomize (configmap, for Secrets too)', () => {
    const run = (args: Parameters<typeof generateSecret>[0]) => {
      try {
        generateSecret(args, createMemoryLoader({}));
      } catch (e) {
        return e as KustomizeError;
      }
      throw new Error('expected an error');
    };
    expect(run({ literals: ['a=1'] }).message).toBe('a configmap must have a name');
    const dup = run({ name: 's', literals: ['a=1', 'a=2'] });
    expect(dup.code).toBe('InvalidGenerator');
    expect(dup.message).toBe('configmap s illegally repeats the key `a`');
  });
});
