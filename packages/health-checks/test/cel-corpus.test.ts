/** Flux's CEL status evaluator against the shared corpus (fluxcd/pkg status_evaluator_test). */
import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import {
  createCelStatusEvaluator,
  HealthCheckError,
  type HealthExpressions,
} from '../src/index.js';
import { readCorpus } from './corpus.js';

interface CelCase {
  name: string;
  exprs: HealthExpressions;
  object: YamlMap;
  expectedStatus: string | null;
  expectedErrorContains: string | null;
}

/**
 * cel-go words its errors differently from the JS engine, so an expected error is matched on
 * Flux's own prefix (which names the failing expression) plus the missing key.
 */
function expectSameError(error: unknown, expected: string): void {
  expect(error).toBeInstanceOf(HealthCheckError);
  expect((error as HealthCheckError).code).toBe('CELEvaluationFailed');
  const m = /^(failed to evaluate the CEL expression '.*'): .*?(\w+)$/.exec(expected);
  expect(m).not.toBeNull();
  const [, prefix = '', key = ''] = m ?? [];
  const message = (error as Error).message;
  expect(message.startsWith(`${prefix}: `)).toBe(true);
  expect(message).toContain(key);
}

describe('CEL health expressions', () => {
  const cases = readCorpus<CelCase[]>('flux-cel-cases.json');
  it('finds the corpus', () => {
    expect(cases).toHaveLength(18);
  });
  for (const c of cases) {
    it(c.name, () => {
      const evaluator = createCelStatusEvaluator(c.exprs);
      if (c.expectedStatus !== null) {
        expect(evaluator.evaluate(c.object).status).toBe(c.expectedStatus);
        return;
      }
      let caught: unknown;
      try {
        evaluator.evaluate(c.object);
      } catch (e) {
        caught = e;
      }
      expectSameError(caught, c.expectedErrorContains ?? '');
    });
  }
});
