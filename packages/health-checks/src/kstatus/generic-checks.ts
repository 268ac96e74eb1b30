import type { YamlMap } from '@kustomate/resource';
import { readConditions } from '../conditions.js';
import { stringField, strictIntField } from '../fields.js';
import { inProgressResult, type StatusResult } from '../status.js';

/**
 * An InProgress `LatestGenerationNotObserved` result when both `metadata.generation` and
 * `status.observedGeneration` are set and differ; undefined otherwise.
 */
export function checkGeneration(obj: YamlMap): StatusResult | undefined {
  const generation = strictIntField(obj, ['metadata', 'generation']);
  if (generation === undefined) return undefined;
  const observed = strictIntField(obj, ['status', 'observedGeneration']);
  if (observed === undefined || observed === generation) return undefined;
  const kind = stringField(obj, ['kind'], '');
  return inProgressResult(
    'LatestGenerationNotObserved',
    `${kind} generation is ${generation}, but latest observed generation is ${observed}`,
  );
}

/**
 * kstatus' checks that apply to every kind, in order: a deletion timestamp means
 * Terminating; an unobserved generation means InProgress; a `Reconciling=True` condition
 * means InProgress and `Stalled=True` means Failed, both with the condition's reason and
 * message. Undefined when none decides.
 */
export function checkGenericProperties(obj: YamlMap): StatusResult | undefined {
  if (stringField(obj, ['metadata', 'deletionTimestamp'], '') !== '') {
    return { status: 'Terminating', message: 'Resource scheduled for deletion', conditions: [] };
  }
  const generation = checkGeneration(obj);
  if (generation) return generation;
  for (const c of readConditions(obj)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Reconciling') {
      return {
        status: 'InProgress',
        message: c.message,
        conditions: [{ type: 'Reconciling', status: 'True', reason: c.reason, message: c.message }],
      };
    }
    if (c.type === 'Stalled') {
      return {
        status: 'Failed',
        message: c.message,
        conditions: [{ type: 'Stalled', status: 'True', reason: c.reason, message: c.message }],
      };
    }
  }
  return undefined;
}

/**
 * The `Ready` condition rule for kinds without a built-in rule: True is Current, False or
 * Unknown is InProgress with the condition's reason and message. Undefined without one.
 */
export function checkReadyCondition(obj: YamlMap): StatusResult | undefined {
  const ready = readConditions(obj).find((c) => c.type === 'Ready');
  if (!ready) return undefined;
  if (ready.status === 'True') {
    return { status: 'Current', message: 'Resource is Ready', conditions: [] };
  }
  if (ready.status === 'False' || ready.status === 'Unknown') {
    return inProgressResult(ready.reason, ready.message);
  }
  return undefined;
}
