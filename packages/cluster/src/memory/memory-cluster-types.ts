import type { YamlMap } from '@kustomate/resource';
import type { ClusterClient } from '../cluster-client.js';
import type { FaultInjector } from '../fault-injector.js';
import type { SimulatedOutcome, WorkloadSimulatorOptions } from './workload-simulator.js';

/** A point-in-time copy of a memory cluster, plain JSON-safe data. */
export interface ClusterSnapshot {
  /** Format version of the snapshot. */
  version: 1;
  /** The last resourceVersion handed out. */
  resourceVersion: number;
  /** Every stored object, with `metadata.managedFields`. */
  objects: YamlMap[];
}

/** Options of {@link createMemoryCluster}. */
export interface MemoryClusterOptions {
  /** Start from a snapshot taken with `snapshot()`. */
  from?: ClusterSnapshot;
  /** The clock (timestamps in metadata, managedFields and statuses). */
  now?: () => Date;
  /** The workload simulator; on by default, `false` turns it off. */
  simulator?: WorkloadSimulatorOptions | false;
}

/** The in-memory cluster: a {@link ClusterClient} plus test controls. */
export interface MemoryCluster extends ClusterClient {
  /** A copy of everything stored, for `createMemoryCluster({ from })` or persistence. */
  snapshot(): ClusterSnapshot;
  /** Makes chosen calls fail or slow down. */
  readonly faults: FaultInjector;
  /** Decides how a simulated workload ends: `ready` (default), `failed` or `progressing`. */
  setOutcome(
    target: { kind: string; name: string; namespace?: string },
    outcome: SimulatedOutcome,
  ): void;
  /** Resolves once the workload simulator has nothing scheduled. */
  settle(): Promise<void>;
}
