import type { ObjectRef } from '@kustomate/resource';
import { ClusterError } from '../cluster-error.js';
import { formatFieldPath } from '../fieldpath/path-element.js';
import { SsaError } from '../ssa/ssa-error.js';
import { managerId } from './managed-fields.js';
import type { ManagerEntry } from './managed-fields.js';

/**
 * Turns a failure of the ownership engine into the API server's error: `Invalid` for objects
 * that do not fit their schema, `Conflict` (`Apply failed with N conflicts: conflict with "m"
 * using v1: .data.x`) with every field and manager in `data.conflicts`.
 *
 * @example
 * ```ts
 * throw engineError(e, ref, stored.managers);
 * ```
 */
export function engineError(
  e: unknown,
  ref: ObjectRef,
  managers: readonly ManagerEntry[],
  fieldManager?: string,
): ClusterError {
  if (!(e instanceof SsaError)) return new ClusterError('Invalid', String(e), { ref, cause: e });
  if (e.kind === 'invalid')
    return new ClusterError(
      'Invalid',
      `failed to create typed patch object (${ref.namespace ?? ''}/${ref.name}; ${ref.apiVersion}, Kind=${ref.kind}): ${e.message}`,
      { ref, cause: e },
    );
  const byId = new Map(managers.map((m) => [managerId(m), m]));
  const conflicts = e.conflicts.map((c) => ({
    manager: byId.get(c.manager)?.manager ?? c.manager,
    field: formatFieldPath(c.path),
    apiVersion: byId.get(c.manager)?.apiVersion ?? '',
  }));
  const groups = new Map<string, string[]>();
  for (const c of conflicts) {
    const k = `"${c.manager}" using ${c.apiVersion}`;
    groups.set(k, [...(groups.get(k) ?? []), c.field]);
  }
  const n = conflicts.length;
  const parts = [...groups].map(([who, fields]) =>
    fields.length === 1
      ? `conflict with ${who}: ${fields[0]}`
      : `conflicts with ${who}:\n${fields.map((f) => `- ${f}`).join('\n')}`,
  );
  return new ClusterError(
    'Conflict',
    `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${parts.join('\n')}`,
    {
      ref,
      data: {
        conflicts: conflicts.map(({ manager, field }) => ({ manager, field })),
        ...(fieldManager ? { fieldManager } : {}),
      },
    },
  );
}
