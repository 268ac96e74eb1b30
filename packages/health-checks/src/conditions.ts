import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { HealthCheckError } from './errors.js';
import { describeObject, fieldAt } from './fields.js';

/** One entry of `status.conditions` as the status rules read it. */
export interface ObjectCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
}

/**
 * The object's `status.conditions`, read like kstatus' typed conversion: missing or `null`
 * gives `[]`; a non-map `status`, a non-list `conditions`, a non-map entry or a non-string
 * `type`/`status`/`reason`/`message` is a {@link HealthCheckError} `InvalidStatusField`.
 */
export function readConditions(obj: YamlMap): ObjectCondition[] {
  const status = obj['status'];
  if (status === undefined || status === null) return [];
  const fail = (field: string, what: string): never => {
    throw new HealthCheckError('InvalidStatusField', `${field}: ${what}`, {
      location: { object: describeObject(obj), field },
    });
  };
  if (!isYamlMap(status)) return fail('status', 'expected a map');
  const list = fieldAt(obj, ['status', 'conditions']);
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return fail('status.conditions', 'expected a list');
  return list.map((entry, i) => {
    const field = `status.conditions[${i}]`;
    if (!isYamlMap(entry)) return fail(field, 'expected a map');
    const text = (key: string): string => {
      const v = entry[key];
      if (v === undefined || v === null) return '';
      return typeof v === 'string' ? v : fail(`${field}.${key}`, 'expected a string');
    };
    return {
      type: text('type'),
      status: text('status'),
      reason: text('reason'),
      message: text('message'),
    };
  });
}

/** The first condition of `type` whose status is `status`. */
export function findCondition(
  conditions: readonly ObjectCondition[],
  type: string,
  status: string,
): ObjectCondition | undefined {
  return conditions.find((c) => c.type === type && c.status === status);
}
