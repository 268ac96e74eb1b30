import { parseApiVersion } from '@kustomate/resource';
import { HealthCheckError } from '../errors.js';
import {
  createCelStatusEvaluator,
  type CelStatusEvaluator,
  type HealthExpressions,
} from './cel-status-evaluator.js';

/** One `spec.healthCheckExprs` entry of a Flux Kustomization. */
export interface HealthCheckExpr extends HealthExpressions {
  /** `group/version`; only the group is matched. */
  apiVersion: string;
  /** The kind; when empty the entry applies to every kind of the group. */
  kind?: string;
}

/** Compiled `healthCheckExprs`: the evaluator for an object's group and kind. */
export interface HealthCheckExprSet {
  /** The evaluator for `apiVersion`/`kind`: a kind entry first, else a group-wide entry. */
  find(apiVersion: string, kind: string): CelStatusEvaluator | undefined;
}

/** One entry's evaluator; a compile error also names the entry's apiVersion and kind. */
function compileEntry(entry: HealthCheckExpr, i: number): CelStatusEvaluator {
  try {
    return createCelStatusEvaluator(entry, `healthCheckExprs[${i}]`);
  } catch (e) {
    if (!(e instanceof HealthCheckError)) throw e;
    const target = `${entry.apiVersion} ${entry.kind || '(any kind)'}`;
    throw new HealthCheckError(e.code, `${e.message} (healthCheckExprs[${i}] for ${target})`, {
      location: { ...e.location, object: target },
      cause: e,
    });
  }
}

/**
 * Compiles a Kustomization's `spec.healthCheckExprs` once, as kustomize-controller does
 * before a reconcile. An entry naming a kind applies to that GroupKind; one without a kind
 * to the whole group, and a kind entry beats a group entry. A repeated GroupKind (or group),
 * a missing `current` or a CEL syntax error is a {@link HealthCheckError}
 * `InvalidCELExpression` naming the expression and the entry's apiVersion and kind, with
 * `location.field` = `healthCheckExprs[i].<name>` and `location.object` = `apiVersion kind`.
 *
 * @example
 * ```ts
 * const exprs = compileHealthCheckExprs([{ apiVersion: 'cert-manager.io/v1', kind: 'Certificate',
 *   current: "status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')" }]);
 * exprs.find('cert-manager.io/v1', 'Certificate'); // an evaluator
 * ```
 */
export function compileHealthCheckExprs(entries: readonly HealthCheckExpr[]): HealthCheckExprSet {
  const byKey = new Map<string, CelStatusEvaluator>();
  entries.forEach((entry, i) => {
    const { group } = parseApiVersion(entry.apiVersion);
    const key = `${group}/${entry.kind ?? ''}`;
    if (byKey.has(key)) {
      const what = entry.kind ? `GroupKind '${key}'` : `group '${group}'`;
      throw new HealthCheckError(
        'InvalidCELExpression',
        `duplicate health check expressions for ${what}`,
        { location: { field: `healthCheckExprs[${i}]` } },
      );
    }
    byKey.set(key, compileEntry(entry, i));
  });
  return {
    find(apiVersion, kind) {
      const { group } = parseApiVersion(apiVersion);
      return byKey.get(`${group}/${kind}`) ?? byKey.get(`${group}/`);
    },
  };
}
