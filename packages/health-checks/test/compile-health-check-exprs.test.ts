import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { compileHealthCheckExprs, HealthCheckError, parseCelExpression } from '../src/index.js';

const readyTrue = "status.conditions.exists(c, c.type == 'Ready' && c.status == 'True')";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return e instanceof HealthCheckError ? `${e.code} ${e.location.field ?? ''}` : String(e);
  }
  return undefined;
}

describe('compileHealthCheckExprs', () => {
  const exprs = compileHealthCheckExprs([
    { apiVersion: 'cert-manager.io/v1', current: 'true' },
    { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', current: readyTrue },
  ]);

  it('prefers a kind entry over a group entry, ignoring the version', () => {
    const cert: YamlMap = { status: { conditions: [{ type: 'Ready', status: 'False' }] } };
    expect(exprs.find('cert-manager.io/v2', 'Certificate')?.evaluate(cert).status).toBe(
      'InProgress',
    );
    expect(exprs.find('cert-manager.io/v1', 'Issuer')?.evaluate(cert).status).toBe('Current');
  });

  it('finds nothing for another group', () => {
    expect(exprs.find('apps/v1', 'Certificate')).toBeUndefined();
  });

  it('rejects a repeated GroupKind and a repeated group entry', () => {
    expect(
      codeOf(() =>
        compileHealthCheckExprs([
          { apiVersion: 'a.io/v1', kind: 'K', current: 'true' },
          { apiVersion: 'a.io/v2', kind: 'K', current: 'false' },
        ]),
      ),
    ).toBe('InvalidCELExpression healthCheckExprs[1]');
    expect(
      codeOf(() =>
        compileHealthCheckExprs([
          { apiVersion: 'a.io/v1', current: 'true' },
          { apiVersion: 'a.io/v1', kind: '', current: 'true' },
        ]),
      ),
    ).toBe('InvalidCELExpression healthCheckExprs[1]');
  });

  it('names the entry and expression that does not parse', () => {
    expect(
      codeOf(() =>
        compileHealthCheckExprs([
          { apiVersion: 'a.io/v1', kind: 'K', current: 'true', failed: 'status.x ==' },
        ]),
      ),
    ).toBe('InvalidCELExpression healthCheckExprs[0].failed');
  });

  it('requires current', () => {
    expect(codeOf(() => compileHealthCheckExprs([{ apiVersion: 'a/v1', current: '' }]))).toBe(
      'InvalidCELExpression healthCheckExprs[0].current',
    );
  });
});

describe('parseCelExpression', () => {
  it('treats integers as CEL ints and keeps doubles', () => {
    const obj: YamlMap = { spec: { replicas: 3, ratio: 0.5 } };
    expect(parseCelExpression('spec.replicas == 3 && spec.ratio < 1.0', 'x').evaluate(obj)).toBe(
      true,
    );
    expect(parseCelExpression('type(spec.replicas) == int', 'x').evaluate(obj)).toBe(true);
  });

  it('supports optional fields and string functions', () => {
    const obj: YamlMap = { status: { phase: 'Ready-1' } };
    expect(
      parseCelExpression(
        "status.?missing.orValue('') == '' && status.phase.startsWith('Ready')",
        'x',
      ).evaluate(obj),
    ).toBe(true);
  });

  it('rejects a non-boolean result', () => {
    const expr = parseCelExpression('status.phase', 'healthCheckExprs[0].current');
    let caught: unknown;
    try {
      expr.evaluate({ status: { phase: 'Ready' } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HealthCheckError);
    expect((caught as HealthCheckError).code).toBe('CELEvaluationFailed');
    expect((caught as HealthCheckError).message).toBe(
      "failed to evaluate CEL expression as boolean: 'status.phase'",
    );
  });
});

describe('compile errors', () => {
  it('name the expression and the kind', () => {
    let caught: unknown;
    try {
      compileHealthCheckExprs([
        { apiVersion: 'a.io/v1', kind: 'Widget', current: 'true', failed: 'status.x ==' },
      ]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(HealthCheckError);
    const e = caught as HealthCheckError;
    expect(e.code).toBe('InvalidCELExpression');
    expect(e.message).toMatch(/^failed to parse the CEL expression 'status\.x ==': /);
    expect(e.message).toContain('(healthCheckExprs[0] for a.io/v1 Widget)');
    expect(e.location).toEqual({ field: 'healthCheckExprs[0].failed', object: 'a.io/v1 Widget' });
  });
});
