export type { HealthStatus, StatusCondition, StatusResult } from './status.js';
export * from './errors.js';
export {
  computeStatus,
  groupKindKey,
  type ComputeStatusOptions,
} from './kstatus/compute-status.js';
export { KSTATUS_RULES, type StatusRule } from './kstatus/rule-table.js';
export { SCHEDULE_WINDOW_MS } from './kstatus/pod-status.js';
export { augmentStatus } from './kstatus/augment-status.js';
export { computeFluxJobStatus } from './flux-job-status.js';
export { parseCelExpression, type CelExpression } from './cel/cel-expression.js';
export {
  createCelStatusEvaluator,
  type CelStatusEvaluator,
  type HealthExpressions,
} from './cel/cel-status-evaluator.js';
export {
  compileHealthCheckExprs,
  type HealthCheckExpr,
  type HealthCheckExprSet,
} from './cel/compile-health-check-exprs.js';
export { aggregateHealth } from './aggregate-health.js';
export { evaluateHealth, type EvaluateHealthOptions } from './evaluate-health.js';
export { createVirtualClock, systemClock, type Clock, type VirtualClock } from './wait/clock.js';
export {
  WAIT_DEFAULTS,
  waitForHealth,
  type HealthReport,
  type ObjectHealth,
  type ObjectReader,
  type WaitForHealthOptions,
} from './wait/wait-for-health.js';
