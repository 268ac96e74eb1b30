import { cloneYaml, isYamlMap, type YamlMap, type YamlValue } from '@kustomate/resource';
import { HealthCheckError } from '../errors.js';
import { describeObject } from '../fields.js';
import { computeStatus, type ComputeStatusOptions } from './compute-status.js';

/** RFC 3339 at second precision, as Go's `time.RFC3339` prints UTC times. */
function rfc3339(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * kstatus `Augment`, without mutating its input: a copy of `obj` whose `status.conditions`
 * carry the standard conditions of {@link computeStatus}. An existing condition of the same
 * type gets the computed status, reason and message, `lastUpdateTime` = `now`, and
 * `lastTransitionTime` = `now` only when its status changed; a missing one is appended. A
 * malformed condition list is a {@link HealthCheckError} `InvalidStatusField`.
 *
 * @example
 * ```ts
 * const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Running' } };
 * augmentStatus(pod).status; // { phase: 'Running', conditions: [{ type: 'Reconciling', reason: 'PodRunningNotReady', … }] }
 * ```
 */
export function augmentStatus(obj: YamlMap, options: ComputeStatusOptions = {}): YamlMap {
  const now = options.now ?? new Date();
  const result = computeStatus(obj, { now });
  const out = cloneYaml(obj);
  const status: YamlMap = isYamlMap(out['status']) ? out['status'] : {};
  const existing: YamlValue = status['conditions'] ?? [];
  const fail = (what: string): never => {
    throw new HealthCheckError('InvalidStatusField', `status.conditions: ${what}`, {
      location: { object: describeObject(obj), field: 'status.conditions' },
    });
  };
  const conditions = Array.isArray(existing) ? existing : fail('expected a list');
  const time = rfc3339(now);
  for (const computed of result.conditions) {
    let present = false;
    for (const entry of conditions) {
      if (!isYamlMap(entry)) return fail('condition does not have the expected structure');
      if (typeof entry['type'] !== 'string') return fail('condition type is not a string');
      if (entry['type'] !== computed.type) continue;
      if (typeof entry['status'] !== 'string') return fail('condition status is not a string');
      if (entry['status'] !== computed.status) entry['lastTransitionTime'] = time;
      entry['status'] = computed.status;
      entry['lastUpdateTime'] = time;
      entry['reason'] = computed.reason;
      entry['message'] = computed.message;
      present = true;
    }
    if (!present) {
      conditions.push({
        lastTransitionTime: time,
        lastUpdateTime: time,
        message: computed.message,
        reason: computed.reason,
        status: computed.status,
        type: computed.type,
      });
    }
  }
  status['conditions'] = conditions;
  out['status'] = status;
  return out;
}
