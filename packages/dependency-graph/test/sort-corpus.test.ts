/** Apply stages, apply order and prune order against shared/conformance/ssa/sort-cases.json. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObjectRef } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { formatSubject, applyStages, applyOrder, pruneOrder } from '../src/index.js';

interface SortCase {
  id: string;
  objects: ObjectRef[];
  customStageKinds?: string[];
  expectedStages?: { stage: string; subjects: string[] }[];
  expectedApplyOrder?: string[];
  expectedDeleteOrder?: string[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const cases = JSON.parse(
  readFileSync(join(repoRoot, '../shared/conformance/ssa/sort-cases.json'), 'utf8'),
) as SortCase[];

describe('ssa sort-cases.json', () => {
  it('finds the corpus', () => {
    expect(cases).toHaveLength(5);
  });
  for (const c of cases) {
    const options = c.customStageKinds ? { customStageKinds: c.customStageKinds } : {};
    if (c.expectedStages) {
      it(`${c.id}: stages`, () => {
        const stages = applyStages(c.objects, options).map((s) => ({
          stage: s.stage,
          subjects: s.items.map(formatSubject),
        }));
        expect(stages).toEqual(c.expectedStages);
      });
    }
    if (c.expectedApplyOrder) {
      it(`${c.id}: apply order`, () => {
        const staged = applyStages(c.objects, options).flatMap((s) => s.items);
        expect(staged.map(formatSubject)).toEqual(c.expectedApplyOrder);
      });
    }
    if (c.expectedDeleteOrder) {
      it(`${c.id}: prune order`, () => {
        expect(pruneOrder(c.objects).map(formatSubject)).toEqual(c.expectedDeleteOrder);
      });
      it(`${c.id}: prune order is the reverse of the unstaged apply order`, () => {
        expect(applyOrder(c.objects).reverse().map(formatSubject)).toEqual(c.expectedDeleteOrder);
      });
    }
  }
});
