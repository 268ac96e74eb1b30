import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { yamlEqual } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { formatFieldPath } from '../src/fieldpath/path-element.js';
import { DEDUCED_SCHEMA, schemaFromPatterns } from '../src/schema/type-schema.js';
import type { ListType } from '../src/schema/type-schema.js';
import { SsaError } from '../src/ssa/ssa-error.js';
import { applyConfig, updateObject } from '../src/ssa/updater.js';
import type { ManagedSet } from '../src/ssa/updater.js';

interface CaseOp {
  kind: 'apply' | 'forceApply' | 'update';
  manager: string;
  apiVersion: string;
  object: YamlMap;
  expectConflicts?: { manager: string; path: string }[];
}
interface Case {
  name: string;
  listTypes?: Record<
    string,
    { type: string; keys?: string[]; keyDefaults?: Record<string, YamlValue> }
  >;
  mapTypes?: Record<string, string>;
  scalarTypes?: Record<string, string>;
  schemaYaml: string;
  schemaNotes?: string[];
  ops: CaseOp[];
  expectedObject: YamlMap | null;
  expectedManaged: Record<string, { apiVersion: string; set: string[]; fieldsV1: YamlMap }> | null;
  expectError?: boolean;
}

const corpus = join(import.meta.dirname, '../../../../shared/conformance/ssa/merge/cases.json');
const cases = JSON.parse(readFileSync(corpus, 'utf8')) as Case[];

function schemaOf(c: Case) {
  if (c.schemaYaml === 'deduced') return DEDUCED_SCHEMA;
  const lists: Record<string, ListType> = {};
  for (const [pattern, t] of Object.entries(c.listTypes ?? {})) {
    if (t.type === 'associative')
      lists[pattern] = { type: 'map', keys: t.keys ?? [], keyDefaults: t.keyDefaults ?? {} };
    else if (t.type === 'set' || t.type === 'atomic') lists[pattern] = { type: t.type };
  }
  const atomicMaps = Object.entries(c.mapTypes ?? {})
    .filter(([p, t]) => t === 'atomic' && p !== '.')
    .map(([p]) => p);
  const fields = [
    ...Object.keys(c.scalarTypes ?? {}),
    ...Object.keys(c.mapTypes ?? {}).filter((p) => p !== '.'),
  ];
  const recursive = (c.schemaNotes ?? []).flatMap((n) => {
    const m = /^(\S+)\.\*: recursive reference/.exec(n);
    return m?.[1] ? [m[1]] : [];
  });
  return schemaFromPatterns({ lists, atomicMaps, fields, recursive });
}

function replay(c: Case) {
  const schema = schemaOf(c);
  let live: YamlMap = {};
  let managers: Map<string, ManagedSet> = new Map();
  for (const op of c.ops) {
    const object = op.object ?? {};
    if (op.kind === 'update') {
      managers = updateObject(live, object, schema, managers, op.manager, op.apiVersion);
      live = object;
      continue;
    }
    try {
      const r = applyConfig(
        live,
        object,
        schema,
        managers,
        op.manager,
        op.apiVersion,
        op.kind === 'forceApply',
      );
      expect(op.expectConflicts, 'apply succeeded but conflicts were expected').toBeUndefined();
      live = r.object;
      managers = r.managers;
    } catch (e) {
      if (!(e instanceof SsaError) || e.kind !== 'conflict' || !op.expectConflicts) throw e;
      const got = e.conflicts.map((x) => `${x.manager} ${formatFieldPath(x.path)}`).sort();
      expect(got).toEqual(op.expectConflicts.map((x) => `${x.manager} ${x.path}`).sort());
    }
  }
  return { live, managers };
}

describe('structured-merge-diff merge/ corpus (../shared/conformance/ssa/merge)', () => {
  it('has the 94 extracted cases', () => {
    expect(cases).toHaveLength(94);
  });
  for (const c of cases) {
    it(c.name, () => {
      if (c.expectError) {
        expect(() => replay(c)).toThrow(SsaError);
        return;
      }
      const { live, managers } = replay(c);
      if (c.expectedObject !== null)
        expect(yamlEqual(live, c.expectedObject), JSON.stringify(live)).toBe(true);
      if (c.expectedManaged !== null) {
        const got: Record<string, { apiVersion: string; set: string[] }> = {};
        for (const [id, m] of managers)
          got[id] = { apiVersion: m.apiVersion, set: m.set.toStrings() };
        const want: Record<string, { apiVersion: string; set: string[] }> = {};
        for (const [id, m] of Object.entries(c.expectedManaged))
          want[id] = { apiVersion: m.apiVersion, set: [...m.set].sort() };
        expect(got).toEqual(want);
        for (const [id, m] of Object.entries(c.expectedManaged))
          expect(managers.get(id)?.set.toFieldsV1()).toEqual(m.fieldsV1);
      }
    });
  }
});
