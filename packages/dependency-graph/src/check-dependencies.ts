import { isYamlMap, parseApiVersion, type YamlMap, type YamlValue } from '@kustomate/resource';
import { dependencyUnitOf } from './dependency-unit-of.js';
import { formatUnitRef, resolveDependency, type UnitRef } from './dependency-unit.js';
import { DependencyGraphError } from './errors.js';

/**
 * Evaluates a dependency's `readyExpr` with `self` (the dependent) and `dep` bound, e.g. with
 * `@kustomate/health-checks`:
 * `(expr, vars) => parseCelExpression(expr, 'readyExpr').evaluate(vars)`.
 */
export type ReadyExprEvaluator = (
  expression: string,
  variables: { self: YamlMap; dep: YamlMap },
) => boolean;

/**
 * Decides the health of a dependency that is not a Kustomization; pass `@kustomate/health-checks`'
 * `evaluateHealth` (this package does not import it). Ready means `status === 'Current'`.
 */
export type HealthEvaluator = (object: YamlMap) => { status: string; message: string };

/** Options of {@link checkDependencies}. */
export interface CheckDependenciesOptions {
  /** The object (Kustomization, HelmRelease, …) whose `spec.dependsOn` is checked. */
  dependent: YamlMap;
  /** The dependencies as read from the cluster, any kinds, in any order. */
  dependencies: readonly YamlMap[];
  /** The revision of the dependent's source artifact; enables the same-source revision check. */
  sourceRevision?: string;
  /** Evaluates `readyExpr` entries (see {@link ReadyExprEvaluator}). */
  evaluateReadyExpr?: ReadyExprEvaluator;
  /** Run the built-in check as well as a `readyExpr` (Flux's `AdditiveCELDependencyCheck` gate). */
  additiveReadyExpr?: boolean;
  /**
   * Decides readiness of dependencies that are not Kustomizations (see {@link HealthEvaluator});
   * without it they need Flux's built-in `Ready=True` check.
   */
  evaluateHealth?: HealthEvaluator;
}

/** Why a dependency is not ready. */
export type DependencyFailureReason =
  'NotFound' | 'NotReady' | 'RevisionNotUpToDate' | 'ReadyExprFalse';

/** One dependency that holds the dependent back, with Flux's message for it. */
export interface DependencyFailure {
  ref: UnitRef;
  reason: DependencyFailureReason;
  message: string;
}

/** The outcome of {@link checkDependencies}; `message` is Flux's text for the first failure. */
export interface DependencyCheck {
  ready: boolean;
  failures: DependencyFailure[];
  message: string;
}

const KUSTOMIZATION = { group: 'kustomize.toolkit.fluxcd.io', kind: 'Kustomization' };

function map(v: YamlValue | undefined): YamlMap {
  return isYamlMap(v) ? v : {};
}

function int(v: YamlValue | undefined): number {
  if (typeof v === 'bigint') return Number(v);
  return typeof v === 'number' ? v : 0;
}

function text(v: YamlValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

/** `kind/namespace/name` of an object's `spec.sourceRef`, its namespace defaulting to the object's. */
function sourceKey(obj: YamlMap, namespace: string): string {
  const ref = map(map(obj['spec'])['sourceRef']);
  return `${text(ref['kind'])}/${text(ref['namespace']) || namespace}/${text(ref['name'])}`;
}

/** Flux's built-in readiness check of one dependency, undefined when it passes. */
function builtInFailure(
  dep: YamlMap,
  key: string,
  sameSource: boolean,
  sourceRevision: string | undefined,
): Omit<DependencyFailure, 'ref'> | undefined {
  const status = map(dep['status']);
  const conditions = Array.isArray(status['conditions']) ? status['conditions'] : [];
  const generationSeen =
    int(map(dep['metadata'])['generation']) === int(status['observedGeneration']);
  const ready = conditions.some(
    (c) => isYamlMap(c) && c['type'] === 'Ready' && c['status'] === 'True',
  );
  if (conditions.length === 0 || !generationSeen || !ready) {
    return { reason: 'NotReady', message: `dependency '${key}' is not ready` };
  }
  if (
    sameSource &&
    sourceRevision !== undefined &&
    text(status['lastAppliedRevision']) !== sourceRevision
  ) {
    return {
      reason: 'RevisionNotUpToDate',
      message: `dependency '${key}' revision is not up to date`,
    };
  }
  return undefined;
}

/** The identity key an object is found by: kind, namespace and name (not the version). */
function objectKey(obj: YamlMap): string {
  const unit = dependencyUnitOf(obj);
  return formatUnitRef({ kind: unit.kind, namespace: unit.namespace, name: unit.name });
}

function isKustomization(ref: UnitRef): boolean {
  const group =
    ref.apiVersion === undefined ? KUSTOMIZATION.group : parseApiVersion(ref.apiVersion).group;
  return ref.kind === KUSTOMIZATION.kind && group === KUSTOMIZATION.group;
}

/**
 * Flux's `dependsOn` gate for one object, as a pure function of objects already read; beyond
 * Flux, a dependency may be of any kind (`{ apiVersion, kind, name, namespace?, readyExpr? }`,
 * kind and namespace defaulting to the dependent's). Each dependency must exist; with a
 * `readyExpr` that expression decides (unless `additiveReadyExpr`). Otherwise a Kustomization
 * must have conditions, have observed its generation, be `Ready=True`, and, when it uses the
 * same source as the dependent, have applied `sourceRevision`; any other kind must be
 * `Current` by `evaluateHealth` when given, else pass the same `Ready=True` check. Every
 * failing dependency is listed; a dependency of the dependent's own kind is named
 * `namespace/name` as Flux does, another kind `Kind/namespace/name`. A `readyExpr` without
 * `evaluateReadyExpr` is a {@link DependencyGraphError} `ReadyExprUnsupported`; errors thrown
 * by the evaluators propagate unchanged.
 *
 * @example
 * ```ts
 * // evaluateHealth: the one of the health-checks package, passed in by the caller
 * const check = checkDependencies({ dependent: apps, dependencies: [infra, helmRelease],
 *   sourceRevision: 'main@sha1:…', evaluateHealth });
 * if (!check.ready) console.log(check.message); // "dependency 'flux-system/infra' is not ready"
 * ```
 */
export function checkDependencies(options: CheckDependenciesOptions): DependencyCheck {
  const { dependent, sourceRevision, evaluateReadyExpr, evaluateHealth } = options;
  const additive = options.additiveReadyExpr ?? false;
  const unit = dependencyUnitOf(dependent);
  const byKey = new Map<string, YamlMap>();
  for (const dep of options.dependencies) byKey.set(objectKey(dep), dep);
  const ownSource = sourceKey(dependent, unit.namespace);
  const failures: DependencyFailure[] = [];
  unit.dependsOn.forEach((entry, i) => {
    const ref = resolveDependency(entry, unit);
    const sameKind = ref.kind === unit.kind;
    const key = formatUnitRef(sameKind ? { namespace: ref.namespace, name: ref.name } : ref);
    const dep = byKey.get(
      formatUnitRef({ kind: ref.kind, namespace: ref.namespace, name: ref.name }),
    );
    if (!dep) {
      failures.push({ ref, reason: 'NotFound', message: `dependency '${key}' not found` });
      return;
    }
    if (entry.readyExpr) {
      if (!evaluateReadyExpr) {
        throw new DependencyGraphError(
          'ReadyExprUnsupported',
          `dependency '${key}' has a readyExpr but no evaluator was given`,
          {
            location: { object: formatUnitRef(unit), field: `spec.dependsOn[${i}].readyExpr` },
          },
        );
      }
      if (!evaluateReadyExpr(entry.readyExpr, { self: dependent, dep })) {
        failures.push({
          ref,
          reason: 'ReadyExprFalse',
          message: `dependency '${key}' is not ready according to readyExpr eval`,
        });
        return;
      }
      if (!additive) return;
    }
    if (!isKustomization(ref) && evaluateHealth) {
      const health = evaluateHealth(dep);
      if (health.status !== 'Current') {
        const message = `dependency '${key}' is not ready: ${health.status}: ${health.message}`;
        failures.push({ ref, reason: 'NotReady', message });
      }
      return;
    }
    const sameSource = isKustomization(ref) && sourceKey(dep, ref.namespace ?? '') === ownSource;
    const failure = builtInFailure(dep, key, sameSource, sourceRevision);
    if (failure) failures.push({ ref, ...failure });
  });
  return { ready: failures.length === 0, failures, message: failures[0]?.message ?? '' };
}
