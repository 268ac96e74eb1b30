import { describe, expect, test } from 'vitest';
import type { YamlMap } from '@kustomate/resource';
import {
  createInventory,
  inventoryEntry,
  inventoryId,
  parseInventoryId,
  PrunePlannerError,
  readInventory,
  type ObjMetadata,
} from '@kustomate/prune-planner';
import { readSsaJson } from './corpus.js';

interface ParseCase {
  name: string;
  id: string;
  isError: boolean;
  expected?: ObjMetadata;
}
interface FormatCase {
  name: string;
  object: YamlMap;
  expectedEntry: { id: string; v: string };
}
const corpus = readSsaJson<{ parse: ParseCase[]; format: FormatCase[] }>('inventory-ids.json');

describe('ssa/inventory-ids.json', () => {
  test('corpus has 10 parse and 5 format cases', () => {
    expect(corpus.parse).toHaveLength(10);
    expect(corpus.format).toHaveLength(5);
  });
  test.each(corpus.parse.map((c) => [c.name, c] as const))('parse: %s', (_n, c) => {
    if (c.isError) {
      expect(() => parseInventoryId(c.id)).toThrow(
        expect.objectContaining({ code: 'InvalidInventoryId' }),
      );
    } else {
      expect(parseInventoryId(c.id)).toEqual(c.expected);
    }
  });
  test.each(corpus.format.map((c) => [c.name, c] as const))('format: %s', (_n, c) => {
    expect(inventoryEntry(c.object)).toEqual(c.expectedEntry);
  });
  test.each(corpus.parse.filter((c) => !c.isError).map((c) => [c.id, c] as const))(
    'round trip of RBAC-safe ids: %s',
    (_id, c) => {
      const meta = c.expected!;
      const canRoundTrip = !meta.name.includes('_') || meta.group === 'rbac.authorization.k8s.io';
      if (canRoundTrip) expect(inventoryId(meta)).toBe(c.id);
      else expect(parseInventoryId(inventoryId(meta))).toEqual(meta);
    },
  );
});

describe('inventory', () => {
  const svc = { apiVersion: 'v1', kind: 'Service', name: 'web', namespace: 'a' };
  const dep = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'a' };

  test('built from a change set: skipped and unchanged kept, deleted and duplicates dropped', () => {
    expect(
      createInventory([
        { object: svc, action: 'created' },
        { object: dep, action: 'skipped' },
        { object: svc, action: 'unchanged' },
        {
          object: { apiVersion: 'v1', kind: 'ConfigMap', name: 'x', namespace: 'a' },
          action: 'deleted',
        },
      ]),
    ).toEqual([
      { id: 'a_web__Service', v: 'v1' },
      { id: 'a_web_apps_Deployment', v: 'v1' },
    ]);
  });

  test('corrupt entries are reported, not decoded', () => {
    const { objects, invalid } = readInventory([
      { id: 'a_web_apps_Deployment', v: 'v1' },
      { id: 'a_web_apps_', v: 'v1' },
      { id: 'a_web', v: 'v1' },
      { id: 'a__apps_Deployment', v: 'v1' },
      { id: 'a_web__Service', v: '' },
    ]);
    expect(objects.map((o) => o.ref)).toEqual([dep]);
    expect(invalid.map((i) => i.entry.id)).toEqual([
      'a_web_apps_',
      'a_web',
      'a__apps_Deployment',
      'a_web__Service',
    ]);
    for (const i of invalid) {
      expect(i.error).toBeInstanceOf(PrunePlannerError);
      expect(i.error.code).toBe('InvalidInventoryId');
    }
  });
});
