export * from './cluster-client.js';
export * from './cluster-error.js';
export * from './fault-injector.js';
export * from './label-selector.js';
export { FieldSet } from './fieldpath/field-set.js';
export { formatFieldPath } from './fieldpath/path-element.js';
export type { FieldPath, PathElement } from './fieldpath/path-element.js';
export { createMemoryCluster } from './memory/memory-cluster.js';
export type {
  ClusterSnapshot,
  MemoryCluster,
  MemoryClusterOptions,
} from './memory/memory-cluster-types.js';
export type { SimulatedOutcome, WorkloadSimulatorOptions } from './memory/workload-simulator.js';
