import { Environment } from '@marcbachmann/cel-js';
import { isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { HealthCheckError } from '../errors.js';

/**
 * One environment for every health expression, close to Flux's cel-go setup: variables are
 * the object's top-level fields, undeclared and dynamic; optional types (`a.?b`) on; string
 * extension functions built in. (cel-go's `sets` and `base64` extensions are not available.)
 */
const environment = new Environment({
  unlistedVariablesAreDyn: true,
  enableOptionalTypes: true,
  homogeneousAggregateLiterals: true,
});

/** A parsed boolean CEL expression over an object's top-level fields. */
export interface CelExpression {
  /** The source text. */
  readonly source: string;
  /** Evaluates against `obj`; throws {@link HealthCheckError} `CELEvaluationFailed`. */
  evaluate(obj: YamlMap): boolean;
}

/** The first line of a CEL engine message (the engine appends a source excerpt with a caret). */
function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n', 1)[0] ?? text;
}

/** An object's top-level fields as CEL variables (see {@link toCelValue}). */
export function toCelContext(obj: YamlMap): Record<string, unknown> {
  return toCelValue(obj) as Record<string, unknown>;
}

/**
 * The value as the CEL engine expects it: integers become `bigint` (CEL `int`, as in
 * Kubernetes' unstructured objects) and other numbers stay doubles.
 */
export function toCelValue(value: YamlValue): unknown {
  if (Array.isArray(value)) return value.map(toCelValue);
  if (isYamlMap(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toCelValue(v);
    return out;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return value;
}

/** A parsed expression run on an already converted context (see {@link toCelValue}). */
export type CelProgram = (context: Record<string, unknown>) => boolean;

/**
 * Parses `source` into a {@link CelProgram}. A syntax error is a {@link HealthCheckError}
 * `InvalidCELExpression`; at run time an engine error or a non-boolean result is
 * `CELEvaluationFailed`. `field` goes into both errors' `location.field`.
 */
export function parseCelProgram(source: string, field: string): CelProgram {
  let run: (context: Record<string, unknown>) => unknown;
  try {
    run = environment.parse(source);
  } catch (e) {
    throw new HealthCheckError(
      'InvalidCELExpression',
      `failed to parse the CEL expression '${source}': ${firstLine(e)}`,
      { location: { field }, cause: e },
    );
  }
  return (context) => {
    let result: unknown;
    try {
      result = run(context);
    } catch (e) {
      throw new HealthCheckError(
        'CELEvaluationFailed',
        `failed to evaluate the CEL expression '${source}': ${firstLine(e)}`,
        { location: { field }, cause: e },
      );
    }
    if (typeof result !== 'boolean') {
      throw new HealthCheckError(
        'CELEvaluationFailed',
        `failed to evaluate CEL expression as boolean: '${source}'`,
        { location: { field } },
      );
    }
    return result;
  };
}

/**
 * Parses `source` once into an expression over an object's top-level fields. A syntax
 * error is a {@link HealthCheckError} `InvalidCELExpression` with `location.field` = `field`.
 *
 * @example
 * ```ts
 * const ready = parseCelExpression("status.conditions.exists(c, c.type == 'Ready')", 'current');
 * ready.evaluate({ status: { conditions: [{ type: 'Ready' }] } }); // true
 * ```
 */
export function parseCelExpression(source: string, field: string): CelExpression {
  const program = parseCelProgram(source, field);
  return { source, evaluate: (obj) => program(toCelContext(obj)) };
}
