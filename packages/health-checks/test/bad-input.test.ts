import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeStatus, evaluateHealth, HealthCheckError } from '../src/index.js';

function errorOf(obj: YamlMap): HealthCheckError {
  try {
    computeStatus(obj);
  } catch (e) {
    if (e instanceof HealthCheckError) return e;
    throw e;
  }
  throw new Error('expected computeStatus to throw');
}

const deploy = (status: YamlMap): YamlMap => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'app' },
  ...status,
});

describe('computeStatus on malformed objects', () => {
  it('names the object and field of a non-integer generation', () => {
    const e = errorOf(deploy({ metadata: { name: 'web', namespace: 'app', generation: '2' } }));
    expect(e.code).toBe('InvalidStatusField');
    expect(e.location).toEqual({
      object: 'apps/v1 Deployment app/web',
      field: 'metadata.generation',
    });
  });

  it('rejects conditions that are not a list', () => {
    const e = errorOf(deploy({ status: { conditions: 'invalid' } }));
    expect(e.code).toBe('InvalidStatusField');
    expect(e.location.field).toBe('status.conditions');
  });

  it('rejects a condition whose reason is not a string', () => {
    const e = errorOf(deploy({ status: { conditions: [{ type: 'Available', reason: 3 }] } }));
    expect(e.location.field).toBe('status.conditions[0].reason');
  });

  it('rejects an unknown Pod phase', () => {
    const e = errorOf({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: { phase: 'Weird' },
    });
    expect(e.location).toEqual({ object: 'v1 Pod p', field: 'status.phase' });
    expect(e.toJSON()).toMatchObject({
      code: 'InvalidStatusField',
      message: 'unknown phase Weird',
    });
  });

  it('reads bigint counters like numbers', () => {
    const r = computeStatus(
      deploy({
        spec: { replicas: 2n },
        status: { replicas: 2n, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 2 },
      }),
    );
    expect(r.message).toBe('Ready: 1/2');
  });
});

describe('evaluateHealth on malformed objects', () => {
  const cases: [string, unknown, string][] = [
    ['no kind', { apiVersion: 'v1', metadata: { name: 'x' } }, 'object has no kind'],
    [
      'a kind that is not a string',
      { apiVersion: 'v1', kind: 7 },
      'kind: expected a string, got int64',
    ],
    [
      'a status of the wrong type',
      { apiVersion: 'v1', kind: 'Pod', status: 'Running' },
      'status: expected a map, got string',
    ],
    [
      'metadata of the wrong type',
      { apiVersion: 'v1', kind: 'Pod', metadata: [] },
      'metadata: expected a map, got []interface {}',
    ],
    [
      'conditions that are not a list',
      deploy({ status: { conditions: 'invalid' } }),
      'status.conditions: expected a list',
    ],
    [
      'a condition that is not a map',
      { apiVersion: 'example.com/v1', kind: 'Widget', status: { conditions: ['Ready'] } },
      'status.conditions[0]: expected a map',
    ],
    ['not an object at all', 'Deployment', 'object: expected a map, got string'],
  ];
  for (const [what, object, message] of cases) {
    it(`gives Unknown for ${what}, saying what is wrong`, () => {
      expect(evaluateHealth(object as YamlMap)).toEqual({
        status: 'Unknown',
        message,
        conditions: [],
      });
    });
  }

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('Deployment', 'Pod', 'Job', 'Widget'),
        (status, kind) => {
          const apiVersion = kind === 'Job' ? 'batch/v1' : kind === 'Deployment' ? 'apps/v1' : 'v1';
          const r = evaluateHealth({
            apiVersion,
            kind,
            metadata: { name: 'x' },
            status,
          } as YamlMap);
          expect(typeof r.message).toBe('string');
        },
      ),
    );
  });
});
