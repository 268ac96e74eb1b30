import type { ClusterError } from './cluster-error.js';

/** The operations of a {@link ClusterClient} a fault can target. */
export type ClusterOperation =
  | 'apply'
  | 'get'
  | 'list'
  | 'create'
  | 'update'
  | 'patch'
  | 'updateStatus'
  | 'delete'
  | 'watch'
  | 'discover';

/** What a fault does to the calls it matches. */
export interface FaultSpec {
  /** The operation to disturb. */
  operation: ClusterOperation;
  /** Only calls about this kind (and name, and namespace). */
  kind?: string;
  name?: string;
  namespace?: string;
  /** How many matching calls to disturb; default 1, `Infinity` for all. */
  times?: number;
  /** Fail the call with this error (after the latency, if any). */
  error?: ClusterError;
  /** Delay the call by this many milliseconds. */
  latencyMs?: number;
}

/** The target of one call, as faults match it. */
export interface CallTarget {
  kind?: string;
  name?: string;
  namespace?: string;
}

/**
 * Makes chosen calls of a cluster fail or slow down, for reliability tests.
 *
 * @example
 * ```ts
 * cluster.faults.inject({ operation: 'apply', kind: 'Deployment', times: 2,
 *   error: new ClusterError('Unavailable', 'etcdserver: leader changed') });
 * ```
 */
export class FaultInjector {
  readonly #faults: (FaultSpec & { remaining: number })[] = [];

  /** Adds a fault; returns a function that removes it. */
  inject(spec: FaultSpec): () => void {
    const entry = { ...spec, remaining: spec.times ?? 1 };
    this.#faults.push(entry);
    return () => {
      const i = this.#faults.indexOf(entry);
      if (i >= 0) this.#faults.splice(i, 1);
    };
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults.length = 0;
  }

  /** Faults not used up yet. */
  get pending(): number {
    return this.#faults.length;
  }

  /** Runs the first matching fault for a call: waits its latency, then throws its error. */
  async intercept(
    operation: ClusterOperation,
    target: CallTarget,
    signal?: AbortSignal,
  ): Promise<void> {
    const fault = this.#faults.find(
      (f) =>
        f.operation === operation &&
        (f.kind === undefined || f.kind === target.kind) &&
        (f.name === undefined || f.name === target.name) &&
        (f.namespace === undefined || f.namespace === target.namespace),
    );
    if (!fault) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    if (fault.latencyMs)
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, fault.latencyMs);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason as Error);
          },
          { once: true },
        );
      });
    if (fault.error) throw fault.error;
  }
}
