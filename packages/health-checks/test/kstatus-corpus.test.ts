/** kstatus `Compute` against the shared corpus: 58 upstream cases and 16 derived ones. */
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { computeStatus, evaluateHealth } from '../src/index.js';
import { readCorpus, withNow } from './corpus.js';

interface ComputeCase {
  name: string;
  manifest: YamlMap;
  expectedStatus: string;
  expectedConditions: { type: string; status: string; reason: string }[];
  absentConditionTypes?: string[];
  expectedMessage: string;
}

const now = new Date();

for (const file of ['cases.json', 'derived-cases.json']) {
  const cases = readCorpus<ComputeCase[]>(file);
  describe(`kstatus ${file}`, () => {
    it('finds the corpus', () => {
      expect(cases.length).toBeGreaterThan(10);
    });
    for (const c of cases) {
      it(c.name, () => {
        const result = computeStatus(withNow(c.manifest, now), { now });
        expect(result.status).toBe(c.expectedStatus);
        expect(result.message).toBe(c.expectedMessage);
        for (const want of c.expectedConditions) {
          expect(result.conditions).toContainEqual(expect.objectContaining(want));
        }
        for (const type of c.absentConditionTypes ?? []) {
          expect(result.conditions.map((x) => x.type)).not.toContain(type);
        }
      });
      // Through the front door too; batch/Job follows Flux's own rule there (see flux-job-corpus).
      if (!(c.manifest['apiVersion'] === 'batch/v1' && c.manifest['kind'] === 'Job')) {
        it(`${c.name} (evaluateHealth)`, () => {
          const result = evaluateHealth(withNow(c.manifest, now), { now });
          expect([result.status, result.message]).toEqual([c.expectedStatus, c.expectedMessage]);
        });
      }
    }
  });
}
