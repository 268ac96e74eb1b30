export * from './errors.js';
export {
  formatUnitRef,
  resolveDependency,
  type DependencyRef,
  type DependencyUnit,
  type UnitRef,
} from './dependency-unit.js';
export { dependencyUnitOf, type ObjectUnit } from './dependency-unit-of.js';
export { sortByDependencies, type DependencyStages } from './sort-by-dependencies.js';
export {
  analyzeDependencies,
  type DependencyAnalysis,
  type MissingDependencies,
} from './analyze-dependencies.js';
export { explain, type Explanation } from './explain.js';
export {
  checkDependencies,
  type CheckDependenciesOptions,
  type DependencyCheck,
  type DependencyFailure,
  type DependencyFailureReason,
  type HealthEvaluator,
  type ReadyExprEvaluator,
} from './check-dependencies.js';
export {
  APPLY_ORDER_FIRST,
  APPLY_ORDER_LAST,
  applyOrder,
  compareApplyOrder,
  formatSubject,
  pruneOrder,
} from './apply-order.js';
export {
  APPLY_STAGES,
  applyStages,
  CLASS_KIND_SUFFIX,
  DEFINITION_KINDS,
  type ApplyStage,
  type ApplyStageName,
  type ApplyStagesOptions,
} from './apply-stages.js';
