import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyPatch, deepClone } from 'fast-json-patch';
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { diffObjects, normalizeObject, type OwnershipOptions } from '@kustomate/drift-diff';

const key = fc.constantFrom(
  'a',
  'b',
  'name',
  'image',
  'port',
  'limits',
  'cpu',
  'x/y',
  'k~1',
  'replicas',
);
const scalar: fc.Arbitrary<YamlValue> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom('', 'v', 'w', '1', '100m', '0.1'),
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec<{ value: YamlValue; map: YamlMap; named: YamlValue[] }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('map'),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('named'),
  ),
  map: fc.dictionary(key, tie('value'), { maxKeys: 4 }) as fc.Arbitrary<YamlMap>,
  named: fc
    .uniqueArray(fc.constantFrom('app', 'side', 'init'), { maxLength: 3 })
    .chain((names) =>
      fc.tuple(
        ...names.map((n) => (tie('map') as fc.Arbitrary<YamlMap>).map((m) => ({ ...m, name: n }))),
      ),
    ) as fc.Arbitrary<YamlValue[]>,
}));

const labels = fc.dictionary(fc.constantFrom('app', 'team', 'tier'), fc.constantFrom('a', 'b'), {
  maxKeys: 3,
});

const object: fc.Arbitrary<YamlMap> = fc
  .record({
    spec: value,
    data: fc.option(value, { nil: undefined }),
    labels: fc.option(labels, { nil: undefined }),
  })
  .map(({ spec, data, labels: l }) => ({
    apiVersion: 'example.com/v1',
    kind: 'Thing',
    metadata: { name: 'x', namespace: 'ns', ...(l ? { labels: l } : {}) },
    spec,
    ...(data === undefined ? {} : { data }),
  }));

describe('drift-diff laws', () => {
  test('diff(a, a) is none', () => {
    fc.assert(
      fc.property(object, (a) => {
        const d = diffObjects(a, structuredClone(a));
        expect(d.action).toBe('none');
        expect(d.patch).toEqual([]);
        expect(d.unified).toBe('');
      }),
      { numRuns: 300 },
    );
  });

  test('applying the patch to live yields desired on the compared fields', () => {
    fc.assert(
      fc.property(object, object, (desired, live) => {
        const d = diffObjects(desired, live, { revealSecrets: true });
        const patched = applyPatch(deepClone(normalizeObject(live)), d.patch, false, true)
          .newDocument as YamlMap;
        expect(diffObjects(desired, patched).action).toBe('none');
        expect(d.action === 'none').toBe(d.patch.length === 0);
      }),
      { numRuns: 500 },
    );
  });

  test('the patch also converges for Secrets when values are revealed', () => {
    const secret = (data: Record<string, string>): YamlMap => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data,
    });
    const data = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('eA==', 'eQ=='), {
      maxKeys: 3,
    });
    fc.assert(
      fc.property(data, data, (want, have) => {
        const d = diffObjects(secret(want), secret(have), { revealSecrets: true });
        const patched = applyPatch(deepClone(secret(have)), d.patch, false, true)
          .newDocument as YamlMap;
        expect(diffObjects(secret(want), patched).action).toBe('none');
        const masked = diffObjects(secret(want), secret(have));
        expect(masked.action).toBe(d.action);
        for (const v of ['eA==', 'eQ==']) expect(JSON.stringify(masked)).not.toContain(v);
      }),
      { numRuns: 200 },
    );
  });
});

/** Who owns a leaf, drawn deterministically from a seed and the leaf's path. */
type Owner = 'ours' | 'others' | 'nobody';
function ownerAt(seed: number, path: string): Owner {
  let h = seed | 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) | 0;
  return (['ours', 'others', 'nobody'] as const)[Math.abs(h) % 3]!;
}

interface Trees {
  ours?: YamlMap;
  others?: YamlMap;
}

function uniqueNames(v: YamlValue[]): boolean {
  const names = v.map((i) => (isYamlMap(i) ? i['name'] : undefined));
  return names.every((n) => typeof n === 'string') && new Set(names).size === names.length;
}

/** FieldsV1 trees of our manager and another one, for a live value. */
function fieldsOf(value: YamlValue | undefined, path: string, seed: number): Trees {
  const merge = (entries: [string, Trees][]): Trees => {
    const out: Trees = {};
    for (const side of ['ours', 'others'] as const) {
      const members = entries.filter(([, t]) => t[side]).map(([k, t]) => [k, t[side]!] as const);
      if (members.length > 0) out[side] = Object.fromEntries(members);
    }
    return out;
  };
  if (isYamlMap(value) && Object.keys(value).length > 0) {
    return merge(
      Object.entries(value).map(([k, v]) => [`f:${k}`, fieldsOf(v, `${path}/${k}`, seed)]),
    );
  }
  if (Array.isArray(value) && value.length > 0 && uniqueNames(value)) {
    return merge(
      value.map((item) => {
        const name = (item as YamlMap)['name'] as string;
        const t = fieldsOf(item, `${path}/${name}`, seed);
        for (const side of ['ours', 'others'] as const) if (t[side]) t[side]!['.'] = {};
        return [`k:${JSON.stringify({ name })}`, t];
      }),
    );
  }
  const who = ownerAt(seed, path);
  return who === 'nobody' ? {} : { [who]: {} };
}

function withManagedFields(obj: YamlMap, seed: number): YamlMap {
  const { ours, others } = fieldsOf(
    {
      ...obj,
      apiVersion: null,
      kind: null,
      metadata: { labels: (obj['metadata'] as YamlMap)['labels'] ?? null },
    },
    '',
    seed,
  );
  const managedFields: YamlValue[] = [];
  if (ours) managedFields.push({ manager: 'me', operation: 'Apply', fieldsV1: ours });
  if (others) managedFields.push({ manager: 'hpa', operation: 'Update', fieldsV1: others });
  return { ...obj, metadata: { ...(obj['metadata'] as YamlMap), managedFields } };
}

describe('ownership-aware laws', () => {
  const ownership: OwnershipOptions = { manager: 'me' };

  test('diff(a, a) is none whoever owns the fields', () => {
    fc.assert(
      fc.property(object, fc.integer(), (a, seed) => {
        expect(
          diffObjects(a, withManagedFields(structuredClone(a), seed), { ownership }).action,
        ).toBe('none');
      }),
      { numRuns: 300 },
    );
  });

  test('applying the patch converges: a second diff with the same owners is none', () => {
    fc.assert(
      fc.property(object, object, fc.integer(), (desired, rawLive, seed) => {
        const live = withManagedFields(rawLive, seed);
        const d = diffObjects(desired, live, { ownership, revealSecrets: true });
        const patched = applyPatch(deepClone(normalizeObject(live)), d.patch, false, true)
          .newDocument as YamlMap;
        const again = {
          ...patched,
          metadata: {
            ...(patched['metadata'] as YamlMap),
            managedFields: (live['metadata'] as YamlMap)['managedFields'] as YamlValue,
          },
        };
        expect(diffObjects(desired, again, { ownership }).patch).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
