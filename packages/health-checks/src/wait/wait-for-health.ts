import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { aggregateHealth } from '../aggregate-health.js';
import { HealthCheckError } from '../errors.js';
import { evaluateHealth } from '../evaluate-health.js';
import type { HealthStatus, StatusResult } from '../status.js';
import { systemClock, type Clock } from './clock.js';

/** Reads one object from the cluster: the object, or `null`/`undefined` when it does not exist. */
export type ObjectReader = (
  ref: ObjectRef,
  signal?: AbortSignal,
) => Promise<YamlMap | null | undefined>;

/**
 * Flux's defaults (fluxcd/pkg `ssa.DefaultWaitOptions`): poll every 5 s, give up after 60 s,
 * no fail-fast.
 *
 * @example
 * ```ts
 * waitForHealth({ refs, read, timeout: WAIT_DEFAULTS.timeout * 5 });
 * ```
 */
export const WAIT_DEFAULTS = { interval: 5_000, timeout: 60_000, failFast: false } as const;

/** Options of {@link waitForHealth}; times are in milliseconds. */
export interface WaitForHealthOptions {
  /** The objects to wait for. */
  refs: readonly ObjectRef[];
  /** Reads an object; a throw makes that object Unknown for this poll. */
  read: ObjectReader;
  /** Give up after this long (default {@link WAIT_DEFAULTS}). */
  timeout?: number;
  /** Time between polls (default {@link WAIT_DEFAULTS}). */
  interval?: number;
  /** Stops the wait; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Stop as soon as any object is Failed (Flux's fail-fast; default false). */
  failFast?: boolean;
  /** The time source (default {@link systemClock}; {@link createVirtualClock} in tests). */
  clock?: Clock;
  /** Decides an object's health (default {@link evaluateHealth} without expressions). */
  evaluate?: (object: YamlMap | null | undefined, ref: ObjectRef) => StatusResult;
}

/** The last health seen for one object. */
export interface ObjectHealth {
  ref: ObjectRef;
  /** Flux's subject, `Kind/namespace/name` (or `Kind/name`). */
  subject: string;
  status: HealthStatus;
  message: string;
  /** Milliseconds from the start until the poll that first saw `status`: how long it took. */
  elapsed: number;
}

/** The outcome of {@link waitForHealth}, also the `data` of its errors. */
export interface HealthReport {
  /** kstatus' aggregate of the last statuses ({@link aggregateHealth}). */
  status: HealthStatus;
  /** One entry per ref, in the order of `refs`. */
  objects: ObjectHealth[];
  /** Milliseconds from the start to the end of the wait. */
  elapsed: number;
  /** How many times the objects were read. */
  polls: number;
}

function subjectOf(ref: ObjectRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

/** Flux's line for one object that holds the wait back. */
function describe(o: ObjectHealth): string {
  const line = `${o.subject} status: '${o.status}'`;
  return o.status === 'Unknown' ? `${line}: ${o.message}` : line;
}

/**
 * Polls `refs` through `read` every `interval` until all are Current, as kustomize-controller
 * waits after an apply (fluxcd/pkg `ssa.WaitForSet`). The first poll is immediate. Resolves
 * with a {@link HealthReport} when every object is Current (at once for no refs). With
 * `failFast`, stops at the first poll where any object is Failed and throws a
 * {@link HealthCheckError} `HealthCheckFailed` with Flux's message `failed early due to
 * stalled resources: [Kind/ns/name status: 'Failed']`; when `timeout` passes first, throws
 * `HealthCheckTimeout` with `timeout waiting for: [...]` listing every object not Current.
 * Either error carries the report in `data`. A read error or a malformed object counts as
 * Unknown (its message is appended to its line). An aborted `signal` rejects with its reason.
 *
 * @example
 * ```ts
 * const report = await waitForHealth({
 *   refs: [{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'app', name: 'web' }],
 *   read: (ref, signal) => cluster.get(ref, { signal }),
 *   timeout: 120_000,
 *   interval: 2_000,
 *   failFast: true,
 * });
 * report.objects[0]; // { subject: 'Deployment/app/web', status: 'Current', elapsed: 8000, … }
 * ```
 */
export async function waitForHealth(options: WaitForHealthOptions): Promise<HealthReport> {
  const {
    refs,
    read,
    signal,
    timeout = WAIT_DEFAULTS.timeout,
    interval = WAIT_DEFAULTS.interval,
    failFast = WAIT_DEFAULTS.failFast,
    clock = systemClock,
    evaluate = (object) => evaluateHealth(object),
  } = options;
  const start = clock.now();
  const last = new Map<number, ObjectHealth>();
  let polls = 0;
  const report = (): HealthReport => {
    const objects = refs.map(
      (ref, i): ObjectHealth =>
        last.get(i) ?? {
          ref,
          subject: subjectOf(ref),
          status: 'Unknown',
          message: 'status not read yet',
          elapsed: 0,
        },
    );
    return { status: aggregateHealth(objects), objects, elapsed: clock.now() - start, polls };
  };

  for (;;) {
    signal?.throwIfAborted();
    const results = await Promise.all(refs.map((ref) => readHealth(ref, read, evaluate, signal)));
    signal?.throwIfAborted();
    polls += 1;
    const at = clock.now() - start;
    results.forEach((result, i) => {
      const ref = refs[i] as ObjectRef;
      const previous = last.get(i);
      const elapsed = previous?.status === result.status ? previous.elapsed : at;
      last.set(i, { ref, subject: subjectOf(ref), ...pick(result), elapsed });
    });
    const now = report();
    if (now.status === 'Current') return now;
    if (failFast && now.objects.some((o) => o.status === 'Failed')) {
      throw waitError(
        'HealthCheckFailed',
        'failed early due to stalled resources',
        now,
        (o) => o.status === 'Failed',
      );
    }
    const left = timeout - (clock.now() - start);
    if (left <= 0) {
      throw waitError(
        'HealthCheckTimeout',
        'timeout waiting for',
        now,
        (o) => o.status !== 'Current',
      );
    }
    await clock.sleep(Math.min(interval, left), signal);
  }
}

function pick(result: StatusResult): Pick<ObjectHealth, 'status' | 'message'> {
  return { status: result.status, message: result.message };
}

async function readHealth(
  ref: ObjectRef,
  read: ObjectReader,
  evaluate: (object: YamlMap | null | undefined, ref: ObjectRef) => StatusResult,
  signal: AbortSignal | undefined,
): Promise<StatusResult> {
  let object: YamlMap | null | undefined;
  try {
    object = await read(ref, signal);
  } catch (e) {
    if (signal?.aborted) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return { status: 'Unknown', message: `can't read ${subjectOf(ref)}: ${why}`, conditions: [] };
  }
  return evaluate(object, ref);
}

function waitError(
  code: 'HealthCheckFailed' | 'HealthCheckTimeout',
  prefix: string,
  report: HealthReport,
  holdsBack: (o: ObjectHealth) => boolean,
): HealthCheckError {
  const lines = report.objects.filter(holdsBack).map(describe);
  return new HealthCheckError(code, `${prefix}: [${lines.join(', ')}]`, { data: report });
}
