import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { describe, expect, it } from 'vitest';
import {
  createVirtualClock,
  HealthCheckError,
  waitForHealth,
  type HealthReport,
  type ObjectReader,
} from '../src/index.js';

const web: ObjectRef = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'web' };
const db: ObjectRef = { apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: 'app', name: 'db' };
const ns: ObjectRef = { apiVersion: 'v1', kind: 'Namespace', name: 'app' };

function deployment(ready: number): YamlMap {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'app', generation: 1 },
    spec: { replicas: 2 },
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions: [
        { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
        { type: 'Available', status: 'True' },
      ],
    },
  };
}

const stalled = (name: string): YamlMap => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, namespace: 'app' },
  status: { conditions: [{ type: 'Stalled', status: 'True', reason: 'Broken', message: 'no' }] },
});

const namespace: YamlMap = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'app' } };

/** A reader over a script: the object each ref has at the n-th read (the last one sticks). */
function scripted(script: Map<ObjectRef, (YamlMap | null | Error)[]>): ObjectReader {
  const reads = new Map<ObjectRef, number>();
  return (ref) => {
    const n = reads.get(ref) ?? 0;
    reads.set(ref, n + 1);
    const steps = script.get(ref) ?? [];
    const step = steps[Math.min(n, steps.length - 1)];
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step ?? null);
  };
}

async function failure(run: Promise<unknown>): Promise<HealthCheckError> {
  try {
    await run;
  } catch (e) {
    if (e instanceof HealthCheckError) return e;
    throw e;
  }
  throw new Error('expected waitForHealth to fail');
}

describe('waitForHealth', () => {
  it('polls until every object is Current and reports how long each took', async () => {
    const clock = createVirtualClock();
    const read = scripted(
      new Map([
        [web, [deployment(0), deployment(1), deployment(2)]],
        [ns, [namespace]],
      ]),
    );
    const report = await waitForHealth({
      refs: [web, ns],
      read,
      timeout: 60_000,
      interval: 5_000,
      clock,
    });
    expect(report).toMatchObject({ status: 'Current', elapsed: 10_000, polls: 3 });
    expect(report.objects.map((o) => [o.subject, o.status, o.elapsed])).toEqual([
      ['Deployment/app/web', 'Current', 10_000],
      ['Namespace/app', 'Current', 0],
    ]);
  });

  it('resolves at once for no objects', async () => {
    const clock = createVirtualClock();
    const report = await waitForHealth({ refs: [], read: scripted(new Map()), clock });
    expect(report).toEqual({ status: 'Current', objects: [], elapsed: 0, polls: 1 });
  });

  it('times out with Flux’s message, listing every object that is not Current', async () => {
    const clock = createVirtualClock();
    const read = scripted(
      new Map([
        [web, [deployment(1)]],
        [ns, [namespace]],
        [db, [null]],
      ]),
    );
    const e = await failure(
      waitForHealth({ refs: [web, ns, db], read, timeout: 12_000, interval: 5_000, clock }),
    );
    expect(e.code).toBe('HealthCheckTimeout');
    expect(e.message).toBe(
      "timeout waiting for: [Deployment/app/web status: 'InProgress', StatefulSet/app/db status: 'NotFound']",
    );
    const report = e.data as HealthReport;
    expect(report).toMatchObject({ status: 'InProgress', elapsed: 12_000, polls: 4 });
    expect(report.objects.map((o) => o.status)).toEqual(['InProgress', 'Current', 'NotFound']);
  });

  it('keeps waiting on a Failed object without failFast, and lists it at the timeout', async () => {
    const clock = createVirtualClock();
    const read = scripted(
      new Map([
        [db, [stalled('db')]],
        [web, [deployment(2)]],
      ]),
    );
    const e = await failure(
      waitForHealth({ refs: [db, web], read, timeout: 20_000, interval: 5_000, clock }),
    );
    expect(e.code).toBe('HealthCheckTimeout');
    expect(e.message).toBe("timeout waiting for: [StatefulSet/app/db status: 'Failed']");
    expect((e.data as HealthReport).polls).toBe(5);
  });

  it('stops at the first Failed object with failFast', async () => {
    const clock = createVirtualClock();
    const read = scripted(
      new Map([
        [web, [deployment(1)]],
        [db, [deployment(0), stalled('db')]],
      ]),
    );
    const e = await failure(
      waitForHealth({
        refs: [web, db],
        read,
        timeout: 60_000,
        interval: 2_000,
        failFast: true,
        clock,
      }),
    );
    expect(e.code).toBe('HealthCheckFailed');
    expect(e.message).toBe(
      "failed early due to stalled resources: [StatefulSet/app/db status: 'Failed']",
    );
    const report = e.data as HealthReport;
    expect(report).toMatchObject({ status: 'Failed', elapsed: 2_000, polls: 2 });
    expect(report.objects[1]).toMatchObject({ status: 'Failed', message: 'no', elapsed: 2_000 });
  });

  it('counts a read error as Unknown and keeps polling', async () => {
    const clock = createVirtualClock();
    const read = scripted(new Map([[ns, [new Error('connection refused'), namespace]]]));
    const report = await waitForHealth({ refs: [ns], read, interval: 1_000, clock });
    expect(report).toMatchObject({ status: 'Current', elapsed: 1_000, polls: 2 });
  });

  it('reports a read error in the timeout message', async () => {
    const clock = createVirtualClock();
    const read = scripted(new Map([[ns, [new Error('forbidden')]]]));
    const e = await failure(waitForHealth({ refs: [ns], read, timeout: 1_000, clock }));
    expect(e.message).toBe(
      "timeout waiting for: [Namespace/app status: 'Unknown': can't read Namespace/app: forbidden]",
    );
  });

  it('uses the injected evaluator', async () => {
    const clock = createVirtualClock();
    const read = scripted(new Map([[ns, [namespace]]]));
    const e = await failure(
      waitForHealth({
        refs: [ns],
        read,
        timeout: 0,
        clock,
        evaluate: () => ({ status: 'InProgress', message: 'held', conditions: [] }),
      }),
    );
    expect(e.message).toBe("timeout waiting for: [Namespace/app status: 'InProgress']");
  });

  it('rejects with the signal’s reason when aborted', async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    let reads = 0;
    const read: ObjectReader = () => {
      reads += 1;
      if (reads === 2) controller.abort(new Error('new revision'));
      return Promise.resolve(deployment(0));
    };
    await expect(
      waitForHealth({ refs: [web], read, clock, signal: controller.signal }),
    ).rejects.toThrow('new revision');
    expect(reads).toBe(2);
  });
});

describe('createVirtualClock', () => {
  it('advances only when sleeping or told to', async () => {
    const clock = createVirtualClock(100);
    expect(clock.now()).toBe(100);
    await clock.sleep(50);
    clock.advance(25);
    expect(clock.now()).toBe(175);
    const aborted = AbortSignal.abort(new Error('stop'));
    await expect(clock.sleep(10, aborted)).rejects.toThrow('stop');
    expect(clock.now()).toBe(175);
  });
});
