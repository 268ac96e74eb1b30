/** Flux's Job rule against the shared corpus (upstream-asserted and derived contrasts). */
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { computeFluxJobStatus, computeStatus, evaluateHealth } from '../src/index.js';
import { readCorpus, withNow } from './corpus.js';

interface JobCase {
  name: string;
  manifest: YamlMap;
  expectedStatus: string;
  expectedMessage: string | null;
  messageAssertedUpstream?: { mode: 'equals' | 'contains'; value: string } | null;
  expectedConditions?: { type: string; reason: string }[];
  kstatusStatus?: string;
}

const corpus = readCorpus<{ asserted: JobCase[]; derivedContrast: JobCase[] }>(
  'flux-job-cases.json',
);

describe('Flux Job rule', () => {
  for (const c of [...corpus.asserted, ...corpus.derivedContrast]) {
    it(c.name, () => {
      const manifest = withNow(c.manifest, new Date());
      const result = computeFluxJobStatus(manifest);
      expect(result.status).toBe(c.expectedStatus);
      expect(evaluateHealth(manifest)).toEqual(result);
      if (c.expectedMessage !== null) expect(result.message).toBe(c.expectedMessage);
      const upstream = c.messageAssertedUpstream;
      if (upstream?.mode === 'contains') expect(result.message).toContain(upstream.value);
      if (upstream?.mode === 'equals') expect(result.message).toBe(upstream.value);
      for (const want of c.expectedConditions ?? []) {
        expect(result.conditions).toContainEqual(expect.objectContaining(want));
      }
    });
  }

  it('differs from kstatus exactly where the corpus says', () => {
    const contrasts = corpus.derivedContrast.filter((c) => c.kstatusStatus !== undefined);
    expect(contrasts.length).toBeGreaterThan(0);
    for (const c of contrasts) {
      expect(computeStatus(c.manifest).status, c.name).toBe(c.kstatusStatus);
    }
  });
});
