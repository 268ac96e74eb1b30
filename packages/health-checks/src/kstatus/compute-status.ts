import { parseApiVersion, type YamlMap } from '@kustomate/resource';
import { stringField } from '../fields.js';
import type { StatusResult } from '../status.js';
import { checkGenericProperties, checkReadyCondition } from './generic-checks.js';
import { KSTATUS_RULES } from './rule-table.js';

/**
 * Options of {@link computeStatus}.
 *
 * @example
 * ```ts
 * computeStatus(pod, { now: new Date('2026-01-01T00:00:10Z') });
 * ```
 */
export interface ComputeStatusOptions {
  /** The clock for time-dependent rules (Pod scheduling window); defaults to the current time. */
  now?: Date;
}

/**
 * The `group/Kind` key of an object (`Kind` for the core group), as {@link KSTATUS_RULES} uses.
 *
 * @example
 * ```ts
 * groupKindKey({ apiVersion: 'apps/v1', kind: 'Deployment' }); // 'apps/Deployment'
 * groupKindKey({ apiVersion: 'v1', kind: 'Pod' }); // 'Pod'
 * ```
 */
export function groupKindKey(obj: YamlMap): string {
  const { group } = parseApiVersion(stringField(obj, ['apiVersion'], ''));
  const kind = stringField(obj, ['kind'], '');
  return group === '' ? kind : `${group}/${kind}`;
}

/**
 * kstatus `Compute`: the status of one object from its own fields, in kstatus' order —
 * Terminating, unobserved generation, `Reconciling`/`Stalled` conditions, the kind's
 * built-in rule ({@link KSTATUS_RULES}), the `Ready` condition, else Current. Returns
 * Current, InProgress, Failed or Terminating; throws {@link HealthCheckError}
 * `InvalidStatusField` when a field it reads has the wrong type.
 *
 * @example
 * ```ts
 * computeStatus({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'd' },
 *   status: { phase: 'Bound' } }); // { status: 'Current', message: 'PVC is Bound', conditions: [] }
 * ```
 */
export function computeStatus(obj: YamlMap, options: ComputeStatusOptions = {}): StatusResult {
  const generic = checkGenericProperties(obj);
  if (generic) return generic;
  const rule = KSTATUS_RULES.get(groupKindKey(obj));
  if (rule) return rule(obj, options.now ?? new Date());
  return (
    checkReadyCondition(obj) ?? {
      status: 'Current',
      message: 'Resource is current',
      conditions: [],
    }
  );
}
