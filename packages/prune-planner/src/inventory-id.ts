import { PrunePlannerError } from './errors.js';
import { objMetadataOf, type ObjectLike, type ObjMetadata } from './object-meta.js';

const SEPARATOR = '_';
const COLON_TRANSCODED = '__';

/**
 * RBAC kinds whose names may hold `:`, written `__` in inventory ids.
 *
 * @example
 * ```ts
 * RBAC_KINDS.has('ClusterRole'); // true
 * ```
 */
export const RBAC_KINDS: ReadonlySet<string> = new Set([
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
]);

/**
 * The inventory id of an object: `<namespace>_<name>_<group>_<kind>` (empty namespace when
 * cluster-scoped, empty group for the core group; `:` in RBAC names written `__`).
 *
 * @example
 * ```ts
 * inventoryId({ apiVersion: 'v1', kind: 'Service', name: 'podinfo', namespace: 'default' });
 * // 'default_podinfo__Service'
 * ```
 */
export function inventoryId(obj: ObjectLike): string {
  const m = objMetadataOf(obj);
  const name =
    RBAC_KINDS.has(m.kind) && m.group === 'rbac.authorization.k8s.io'
      ? m.name.replaceAll(':', COLON_TRANSCODED)
      : m.name;
  return [m.namespace, name, m.group, m.kind].join(SEPARATOR);
}

function invalid(id: string, why: string): PrunePlannerError<{ id: string }> {
  return new PrunePlannerError('InvalidInventoryId', `invalid inventory id '${id}': ${why}`, {
    location: { object: id },
    data: { id },
  });
}

/**
 * Parses an inventory id back into its namespace, name, group and kind: the first `_` ends
 * the namespace, the last starts the kind, the one before it the group, and the rest is the
 * name (which may hold `_`; `__` decodes to `:`). Throws `InvalidInventoryId` when a field is
 * missing or the name or kind is empty.
 *
 * @example
 * ```ts
 * parseInventoryId('test-namespace_test_name_apps_Deployment');
 * // { namespace: 'test-namespace', name: 'test_name', group: 'apps', kind: 'Deployment' }
 * ```
 */
export function parseInventoryId(id: string): ObjMetadata {
  const first = id.indexOf(SEPARATOR);
  if (first < 0) throw invalid(id, 'expected 4 fields separated by _');
  const namespace = id.slice(0, first);
  const rest = id.slice(first + 1);
  const last = rest.lastIndexOf(SEPARATOR);
  if (last < 0) throw invalid(id, 'expected 4 fields separated by _');
  const kind = rest.slice(last + 1);
  const nameAndGroup = rest.slice(0, last);
  const groupSep = nameAndGroup.lastIndexOf(SEPARATOR);
  if (groupSep < 0) throw invalid(id, 'expected 4 fields separated by _');
  const group = nameAndGroup.slice(groupSep + 1);
  const name = nameAndGroup.slice(0, groupSep).replaceAll(COLON_TRANSCODED, ':');
  if (kind === '') throw invalid(id, 'empty kind');
  if (name === '') throw invalid(id, 'empty name');
  return { namespace, name, group, kind };
}
