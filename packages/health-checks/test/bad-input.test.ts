import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { computeStatus, HealthCheckError } from '../src/index.js';

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
    expect(e.location).toEqual({ object: 'Deployment app/web', field: 'metadata.generation' });
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
    expect(e.location).toEqual({ object: 'Pod p', field: 'status.phase' });
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
