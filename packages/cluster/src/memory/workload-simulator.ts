import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { refOf } from './describe-object.js';
import { isSimulated, workloadStatus } from './workload-status.js';

/** How a simulated workload's rollout ends. */
export type SimulatedOutcome = 'ready' | 'failed' | 'progressing';

/** Options of the workload simulator. */
export interface WorkloadSimulatorOptions {
  /** Milliseconds between a write and the rollout's end; default 0 (the next macrotask). */
  delayMs?: number;
  /** Outcomes decided up front (default `ready`). */
  outcomes?: { kind: string; name: string; namespace?: string; outcome: SimulatedOutcome }[];
}

/**
 * Plays the controllers: after a workload is written, reports it in progress at once and then,
 * after `delayMs`, ready (or failed, or nothing more, as its outcome says).
 *
 * @example
 * ```ts
 * new WorkloadSimulator({ delayMs: 10 }, (ref, status) => writeStatus(ref, status));
 * ```
 */
export class WorkloadSimulator {
  readonly #delayMs: number;
  readonly #outcomes: {
    kind: string;
    name: string;
    namespace?: string;
    outcome: SimulatedOutcome;
  }[];
  readonly #pending = new Set<Promise<void>>();
  readonly #write: (ref: ObjectRef, status: YamlMap) => void;

  constructor(options: WorkloadSimulatorOptions, write: (ref: ObjectRef, status: YamlMap) => void) {
    this.#delayMs = options.delayMs ?? 0;
    this.#outcomes = [...(options.outcomes ?? [])];
    this.#write = write;
  }

  /** Decides the outcome of future rollouts of an object. */
  setOutcome(
    target: { kind: string; name: string; namespace?: string },
    outcome: SimulatedOutcome,
  ): void {
    this.#outcomes.unshift({ ...target, outcome });
  }

  /** Called after a write that changed a workload's generation (or created it). */
  onWrite(object: YamlMap, time: string): void {
    if (!isSimulated(object)) return;
    const ref = refOf(object);
    const outcome = this.#outcomeOf(ref);
    this.#write(ref, workloadStatus(object, 'started', time));
    if (outcome === 'progressing') return;
    const generation = (object['metadata'] as YamlMap)['generation'];
    const done = new Promise<void>((resolve) =>
      setTimeout(() => {
        this.#pending.delete(done);
        const current = {
          ...object,
          metadata: { ...(object['metadata'] as YamlMap), generation: generation ?? 1 },
        };
        this.#write(
          ref,
          workloadStatus(
            current,
            outcome === 'failed' ? 'failed' : 'ready',
            new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          ),
        );
        resolve();
      }, this.#delayMs),
    );
    this.#pending.add(done);
  }

  /** Resolves once nothing is scheduled. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #outcomeOf(ref: ObjectRef): SimulatedOutcome {
    const rule = this.#outcomes.find(
      (o) =>
        o.kind === ref.kind &&
        o.name === ref.name &&
        (o.namespace === undefined || o.namespace === ref.namespace),
    );
    return rule?.outcome ?? 'ready';
  }
}
