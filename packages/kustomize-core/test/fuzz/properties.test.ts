/**
 * Laws of the build, checked with fast-check on generated input (seeded; `FUZZ_RUNS` sets the
 * run count):
 * - printing a resource and reading it back gives the same data;
 * - building is deterministic (same input, same output or same error);
 * - with kustomize's legacy sort, the order of `resources:` entries does not matter when
 *   their ids are distinct.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemoryFiles } from '@kustomate/vfs';
import type { YamlValue } from '@kustomate/resource';
import { emitYaml, parseResourceYaml } from '../../src/yaml/index.js';
import { corpusInputs, fuzzBuild, PARAMS, type Outcome } from './harness.js';

/** Characters kustomize refuses to print, and line breaks libyaml and `yaml` disagree on. */
const REFUSED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u2028\u2029]/g;
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 10 }),
      fc.constantFrom(
        ' ',
        ': ',
        '- ',
        '#',
        ' #',
        "'",
        '"',
        '\\',
        '\n',
        '\t',
        '0',
        '1.5',
        'yes',
        'null',
        '~',
        '0x1F',
        '1e3',
        '2001-12-14',
        '[',
        '{',
        '&',
        '*',
        '!',
        '|',
        '>',
        '%',
        '@',
        '`',
        'é',
        '中',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join('').replace(REFUSED, 'x'));
const key = text.filter((s) => s !== '<<');
const scalar: fc.Arbitrary<YamlValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
  {
    weight: 1,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      // -0 prints as 0; integral doubles past 2^53 read back as (equal) bigints.
      .filter((d) => !Object.is(d, -0) && (Number.isSafeInteger(d) || !Number.isInteger(d))),
  },
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

function sameOutcome(a: Outcome, b: Outcome): void {
  if (a.ok && b.ok) expect(b.yaml).toBe(a.yaml);
  else if (!a.ok && !b.ok) {
    expect(b.error.constructor).toBe(a.error.constructor);
    expect(b.error.message).toBe(a.error.message);
  } else expect(b.ok).toBe(a.ok);
}

/** Kinds with their scope, from every legacy-sort rank (first, last, unranked, CRs). */
const KINDS = [
  { apiVersion: 'v1', kind: 'Namespace', cluster: true },
  { apiVersion: 'v1', kind: 'ConfigMap', cluster: false },
  { apiVersion: 'v1', kind: 'Secret', cluster: false },
  { apiVersion: 'v1', kind: 'Service', cluster: false },
  { apiVersion: 'apps/v1', kind: 'Deployment', cluster: false },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', cluster: true },
  {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    cluster: true,
  },
  { apiVersion: 'batch/v1', kind: 'Job', cluster: false },
  { apiVersion: 'v1', kind: 'Pod', cluster: false },
  { apiVersion: 'example.com/v1', kind: 'Widget', cluster: false },
  { apiVersion: 'example.com/v2', kind: 'Widget', cluster: false },
  { apiVersion: 'other.io/v1', kind: 'Gadget', cluster: false },
] as const;

const resourceSpec = fc.record({
  kind: fc.nat({ max: KINDS.length - 1 }),
  name: fc.constantFrom('a', 'b', 'c', 'web', 'db', 'a-1', 'z'),
  namespace: fc.constantFrom(undefined, 'default', 'prod', 'dev'),
  data: fc.dictionary(fc.constantFrom('x', 'y', 'z'), fc.string({ maxLength: 5 }), {
    maxKeys: 2,
  }),
});

describe('fuzz: properties', () => {
  it('emitting then re-reading a resource gives the same data', () => {
    fc.assert(
      fc.property(resource, (v) => {
        const back = parseResourceYaml(emitYaml(v));
        expect(back).toEqual([v]);
      }),
      { ...PARAMS, numRuns: PARAMS.numRuns * 4 },
    );
  });

  it('building a corpus case is deterministic', () => {
    const cases = corpusInputs(3);
    fc.assert(
      fc.property(fc.nat({ max: cases.length - 1 }), (i) => {
        const c = cases[i];
        if (c === undefined) return;
        sameOutcome(
          fuzzBuild(c.files, c.buildDir, c.restrictor),
          fuzzBuild(c.files, c.buildDir, c.restrictor),
        );
      }),
      { ...PARAMS, numRuns: Math.ceil(PARAMS.numRuns / 2) },
    );
  });

  it('with legacy sort, the order of resources with distinct ids does not matter', () => {
    const specs = fc
      .uniqueArray(resourceSpec, {
        minLength: 1,
        maxLength: 8,
        // kustomize's id: kind, group/version, name and the effective namespace.
        selector: (r) => {
          const k = KINDS[r.kind] as (typeof KINDS)[number];
          const ns = k.cluster ? '' : r.namespace === 'default' ? '' : (r.namespace ?? '');
          return `${k.apiVersion} ${k.kind} ${r.name} ${ns}`;
        },
      })
      .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })));
    fc.assert(
      fc.property(specs, ([ordered, shuffled]) => {
        const files: MemoryFiles = {};
        const names = new Map<(typeof ordered)[number], string>();
        ordered.forEach((r, i) => {
          const k = KINDS[r.kind] as (typeof KINDS)[number];
          const doc = {
            apiVersion: k.apiVersion,
            kind: k.kind,
            metadata: {
              name: r.name,
              ...(k.cluster || r.namespace === undefined ? {} : { namespace: r.namespace }),
            },
            ...(Object.keys(r.data).length > 0 ? { data: r.data } : {}),
          };
          names.set(r, `r${i}.yaml`);
          files[`/app/r${i}.yaml`] = JSON.stringify(doc);
        });
        const build = (order: typeof ordered) =>
          fuzzBuild(
            {
              ...files,
              '/app/kustomization.yaml': JSON.stringify({
                resources: order.map((r) => names.get(r)),
              }),
            },
            '/app',
          );
        const a = build(ordered);
        expect(a.ok, a.ok ? '' : a.error.message).toBe(true);
        sameOutcome(a, build(shuffled));
      }),
      PARAMS,
    );
  });
});
