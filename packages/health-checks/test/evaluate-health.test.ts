import type { YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import { compileHealthCheckExprs, evaluateHealth } from '../src/index.js';

const runningJob: YamlMap = {
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'migrate', generation: 1 },
  status: { startTime: '2026-01-01T00:00:00Z', active: 1 },
};

describe('evaluateHealth', () => {
  it('uses Flux’s Job rule for batch Jobs (a running Job is not yet healthy)', () => {
    expect(evaluateHealth(runningJob).status).toBe('InProgress');
  });

  it('uses Flux’s Job rule even when CEL expressions name batch/Job', () => {
    const exprs = compileHealthCheckExprs([
      { apiVersion: 'batch/v1', kind: 'Job', current: 'true' },
    ]);
    expect(evaluateHealth(runningJob, { exprs }).status).toBe('InProgress');
  });

  it('uses CEL expressions before kstatus for their GroupKind', () => {
    const live: YamlMap = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      status: { conditions: [{ type: 'Ready', status: 'True' }], phase: 'Broken' },
    };
    expect(evaluateHealth(live).status).toBe('Current');
    const exprs = compileHealthCheckExprs([
      {
        apiVersion: 'example.com/v1',
        kind: 'Widget',
        current: 'false',
        failed: "status.phase == 'Broken'",
      },
    ]);
    expect(evaluateHealth(live, { exprs }).status).toBe('Failed');
  });

  it('reports a failing expression as Unknown with the error text', () => {
    const exprs = compileHealthCheckExprs([
      { apiVersion: 'example.com/v1', current: 'status.ready' },
    ]);
    const r = evaluateHealth(
      { apiVersion: 'example.com/v1', kind: 'Widget', status: {} },
      { exprs },
    );
    expect(r.status).toBe('Unknown');
    expect(r.message).toContain("failed to evaluate the CEL expression 'status.ready'");
  });

  it('reports a malformed object as Unknown', () => {
    const r = evaluateHealth({ apiVersion: 'v1', kind: 'Pod', metadata: { generation: 'two' } });
    expect(r).toMatchObject({ status: 'Unknown' });
    expect(r.message).toContain('metadata.generation');
  });

  it('passes the clock to time-dependent rules', () => {
    const live: YamlMap = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z' },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      },
    };
    expect(evaluateHealth(live, { now: new Date('2026-01-01T00:00:10Z') }).status).toBe(
      'InProgress',
    );
    expect(evaluateHealth(live, { now: new Date('2026-01-01T00:00:16Z') }).status).toBe('Failed');
  });

  it('reports a missing object as NotFound, except a Job cleaned up by its TTL', () => {
    expect(evaluateHealth(undefined).status).toBe('NotFound');
    expect(evaluateHealth(null, { desired: runningJob }).status).toBe('NotFound');
    const ttlJob: YamlMap = { ...runningJob, spec: { ttlSecondsAfterFinished: 0 } };
    expect(evaluateHealth(null, { desired: ttlJob }).status).toBe('Current');
  });
});
