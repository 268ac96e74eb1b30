import { cloneYaml, isYamlMap } from '@kustomate/resource';
import type { ObjectRef, YamlMap } from '@kustomate/resource';
import type { ApiResource } from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';
import type { ManagerEntry } from './managed-fields.js';
import type { ServedKind } from './resource-registry.js';

/** A stored object as the ownership engine sees it (no `managedFields`). */
export function stripForEngine(object: YamlMap): YamlMap {
  const out = cloneYaml(object);
  const meta = out['metadata'];
  if (isYamlMap(meta)) delete meta['managedFields'];
  return out;
}

/** True when the write is to a subresource (`status`). */
export function subresourceWrite(self: Omit<ManagerEntry, 'set' | 'time'>): boolean {
  return self.subresource !== undefined;
}

/** Rejects a write without a field manager, as the API server does for apply. */
export function requireManager(fieldManager: string, ref: ObjectRef): void {
  if (typeof fieldManager !== 'string' || fieldManager === '')
    throw new ClusterError(
      'Invalid',
      'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      { ref, field: 'fieldManager' },
    );
}

/** The resource's name in API messages: `deployments.apps`, `configmaps`. */
export function resourceName(served: ServedKind): string {
  return served.group ? `${served.plural}.${served.group}` : served.plural;
}

/** The discovery view of a served kind. */
export function publicResource(served: ServedKind): ApiResource {
  return {
    group: served.group,
    kind: served.kind,
    plural: served.plural,
    namespaced: served.namespaced,
    versions: [...served.versions],
  };
}
