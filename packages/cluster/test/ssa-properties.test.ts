import type { YamlMap, YamlValue } from '@kustomate/resource';
import { yamlEqual } from '@kustomate/resource';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldSet } from '../src/fieldpath/field-set.js';
import type { PathElement } from '../src/fieldpath/path-element.js';
import { createMemoryCluster } from '../src/index.js';
import { schemaFromPatterns } from '../src/schema/type-schema.js';
import { applyConfig } from '../src/ssa/updater.js';
import { toFieldSet } from '../src/ssa/to-field-set.js';

const key = fc.constantFrom('a', 'b', 'c', 'd');
const scalar = fc.oneof(fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 3 }), fc.boolean());
const element: fc.Arbitrary<PathElement> = fc.oneof(
  key.map((field) => ({ field })),
  fc.tuple(key, scalar).map(([k, v]) => ({ key: [[k, v] as const] })),
  scalar.map((value) => ({ value })),
  fc.nat(5).map((index) => ({ index })),
);

/** Objects with a granular map, an associative list keyed by `name` and an atomic list. */
const item = fc.record({ name: key, v: scalar }, { requiredKeys: ['name'] });
const config: fc.Arbitrary<YamlMap> = fc.record(
  {
    m: fc.dictionary(key, scalar, { maxKeys: 4 }),
    list: fc.uniqueArray(item, { selector: (i) => i.name, maxLength: 4 }),
    atomic: fc.array(scalar, { maxLength: 3 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<YamlMap>;
const schema = schemaFromPatterns({
  lists: { '.list': { type: 'map', keys: ['name'] } },
  fields: ['.m', '.list', '.atomic', '.list[].name', '.list[].v'],
});

function contains(whole: YamlValue | undefined, part: YamlValue): boolean {
  if (
    Array.isArray(part) &&
    Array.isArray(whole) &&
    part.every((p) => typeof p === 'object' && p !== null && 'name' in p)
  )
    return part.every((p) => whole.some((w) => yamlEqual(w, p) || contains(w, p)));
  if (part !== null && typeof part === 'object' && !Array.isArray(part))
    return (
      whole !== null &&
      typeof whole === 'object' &&
      !Array.isArray(whole) &&
      Object.entries(part).every(([k, v]) => contains(whole[k], v))
    );
  return yamlEqual(whole, part);
}

describe('server-side apply laws (fast-check)', () => {
  it('FieldsV1 encoding round-trips any field set', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(element, { minLength: 1, maxLength: 4 }), { maxLength: 8 }),
        (paths) => {
          const set = new FieldSet(paths);
          expect(FieldSet.fromFieldsV1(set.toFieldsV1())?.equals(set)).toBe(true);
        },
      ),
    );
  });

  it('after a forced apply the manager owns exactly its config and the object shows it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('one', 'two', 'three'), config), { maxLength: 5 }),
        config,
        (history, last) => {
          let live: YamlMap = {};
          let managers = new Map();
          for (const [manager, c] of history) {
            const r = applyConfig(live, c, schema, managers, manager, 'v1', true);
            live = r.object;
            managers = r.managers;
          }
          const r = applyConfig(live, last, schema, managers, 'me', 'v1', true);
          const own = r.managers.get('me')?.set ?? new FieldSet();
          expect(own.equals(toFieldSet(last, schema))).toBe(true);
          expect(contains(r.object, last)).toBe(true);
        },
      ),
    );
  });

  it('applying the same configuration twice changes nothing (idempotence)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(key, fc.constantFrom('x', 'y', 'z'), { maxKeys: 4 }),
        async (data) => {
          const cluster = createMemoryCluster({ simulator: false });
          const cm = {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'c', namespace: 'default' },
            data,
          };
          const first = await cluster.apply(cm, { fieldManager: 'm' });
          const second = await cluster.apply(cm, { fieldManager: 'm' });
          expect(second).toEqual(first);
        },
      ),
      { numRuns: 30 },
    );
  });
});
