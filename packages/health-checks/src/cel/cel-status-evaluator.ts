import type { YamlMap } from '@kustomate/resource';
import { HealthCheckError } from '../errors.js';
import { fieldAt } from '../fields.js';
import type { HealthStatus, StatusResult } from '../status.js';
import { parseCelProgram, toCelContext, type CelProgram } from './cel-expression.js';

/** The three expressions of one `healthCheckExprs` entry; `current` is required. */
export interface HealthExpressions {
  current: string;
  inProgress?: string;
  failed?: string;
}

/** Computes an object's status from CEL expressions (see {@link createCelStatusEvaluator}). */
export interface CelStatusEvaluator {
  /** The status of `obj`; throws {@link HealthCheckError} `CELEvaluationFailed`. */
  evaluate(obj: YamlMap): StatusResult;
}

/** An integer as a number, or undefined for anything else (strings are left to the expressions). */
function integer(v: unknown): number | undefined {
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/**
 * Flux's CEL status evaluator. An object whose integer `status.observedGeneration` differs
 * from its integer `metadata.generation` is InProgress; otherwise `inProgress`, `failed` and
 * `current` are evaluated in that order and the first true one wins; none true is
 * InProgress. Expressions are parsed here: a missing `current` or a syntax error is a
 * {@link HealthCheckError} `InvalidCELExpression` (`location.field` = `<prefix>.<name>`).
 *
 * @example
 * ```ts
 * const ev = createCelStatusEvaluator({ current: "status.phase == 'Ready'" });
 * ev.evaluate({ status: { phase: 'Ready' } }).status; // 'Current'
 * ```
 */
export function createCelStatusEvaluator(
  exprs: HealthExpressions,
  prefix = 'healthCheckExprs',
): CelStatusEvaluator {
  if (typeof exprs.current !== 'string' || exprs.current === '') {
    throw new HealthCheckError('InvalidCELExpression', 'expression Current not specified', {
      location: { field: `${prefix}.current` },
    });
  }
  const order: [CelProgram, string, HealthStatus][] = [];
  const add = (source: string | undefined, name: string, status: HealthStatus): void => {
    if (source) order.push([parseCelProgram(source, `${prefix}.${name}`), source, status]);
  };
  add(exprs.inProgress, 'inProgress', 'InProgress');
  add(exprs.failed, 'failed', 'Failed');
  add(exprs.current, 'current', 'Current');
  return {
    evaluate(obj) {
      const observed = integer(fieldAt(obj, ['status', 'observedGeneration']));
      const generation = integer(fieldAt(obj, ['metadata', 'generation']));
      if (observed !== undefined && generation !== undefined && observed !== generation) {
        return { status: 'InProgress', message: 'generation not observed', conditions: [] };
      }
      const context = toCelContext(obj);
      for (const [program, source, status] of order) {
        if (program(context)) return { status, message: `'${source}' is true`, conditions: [] };
      }
      return { status: 'InProgress', message: 'no health expression is true', conditions: [] };
    },
  };
}
