import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import { applyFieldSpec } from '../filters/field-spec-walk.js';
import { formatGoGvk } from '../filters/go-res-id.js';
import { requireScalar } from '../filters/node-kind.js';
import { gvkIsSelected } from '../resource/res-id.js';
import type { ResMap } from '../resource/res-map.js';
import { defaultTransformerConfig } from './transformer-config.js';

/** A `replicas:` entry (kustomize `types.Replica`). */
export interface ReplicaSpec {
  name: string;
  count: number | bigint;
}

/**
 * kustomize's ReplicaCountTransformer for one `replicas:` entry: for each field spec, every
 * resource one of whose ids (current or previous) has the name and a GVK the spec selects gets
 * the count at the spec's path (created, as an int). No match for any spec is a
 * `ReplicaTarget` error ("resource with name X does not match a config with the following GVK
 * [...]").
 */
export function applyReplicaCount(
  resmap: ResMap,
  replica: ReplicaSpec,
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().replicas,
): void {
  const count =
    typeof replica.count === 'bigint' && Number.isSafeInteger(Number(replica.count))
      ? Number(replica.count)
      : replica.count;
  let found = false;
  for (const fs of fieldSpecs) {
    const matches = resmap.resources.filter((r) =>
      r.allIds().some((id) => id.name === replica.name && gvkIsSelected(id, fs)),
    );
    if (matches.length > 0) found = true;
    for (const r of matches) {
      applyFieldSpec(
        r,
        fs,
        (field) => {
          requireScalar(field.value);
          field.set(count);
        },
        'scalar',
      );
    }
  }
  if (!found) {
    throw new KustomizeError(
      'ReplicaTarget',
      `resource with name ${replica.name} does not match a config with the following GVK [${fieldSpecs.map((fs) => formatGoGvk(fs)).join(' ')}]`,
    );
  }
}

/** One {@link applyReplicaCount} per `replicas:` entry, in order. */
export function applyReplicas(
  resmap: ResMap,
  replicas: readonly ReplicaSpec[],
  fieldSpecs: readonly FieldSpec[] = defaultTransformerConfig().replicas,
): void {
  for (const replica of replicas) applyReplicaCount(resmap, replica, fieldSpecs);
}
