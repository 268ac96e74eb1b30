import type { Gvk } from '@kustomate/resource';
import { BUILTIN_MERGE_KEYS } from '../data/generated/merge-keys.js';
import { BUILTIN_NAMESPACE_SCOPE } from '../data/generated/namespace-scope.js';
import { apiVersionOf } from '../resource/res-id.js';

/** How a strategic merge patch treats one list field. */
export type ListMergeInfo =
  | { associative: false }
  | { associative: true; primitive: true }
  | { associative: true; primitive: false; keys: readonly string[] };

/**
 * What the build needs from an OpenAPI schema: whether a kind is cluster-scoped and how
 * strategic merge treats each list. The default is kustomize v5.5's built-in Kubernetes
 * v1.21.2 schema; a kustomization's `openapi: {path}` replaces it.
 */
export interface SchemaInfo {
  /** kustomize `IsCertainlyClusterScoped`: known to the schema and not namespaced. */
  isClusterScoped(gvk: Gvk): boolean;
  /** Whether the schema has a definition for the kind. */
  hasType(gvk: Gvk): boolean;
  /**
   * Merge behaviour of the list at `path` in an object of kind `gvk`. `path` joins field
   * names with `.` and marks each element of a list with `[]`, e.g.
   * `spec.template.spec.containers[].ports`.
   */
  listMerge(gvk: Gvk, path: string): ListMergeInfo;
}

const NOT_ASSOCIATIVE: ListMergeInfo = { associative: false };

/** The key format of the generated tables: `<apiVersion>, Kind=<Kind>`. */
export function gvkTableKey(gvk: Gvk): string {
  return `${apiVersionOf(gvk)}, Kind=${gvk.kind}`;
}

/** kustomize v5.5's built-in schema (Kubernetes v1.21.2). */
export const builtinSchema: SchemaInfo = {
  isClusterScoped(gvk) {
    const namespaced = BUILTIN_NAMESPACE_SCOPE[gvkTableKey(gvk)];
    return namespaced === false;
  },
  hasType(gvk) {
    return BUILTIN_MERGE_KEYS[gvkTableKey(gvk)] !== undefined;
  },
  listMerge(gvk, path) {
    const lists = BUILTIN_MERGE_KEYS[gvkTableKey(gvk)];
    const info = lists?.[path];
    if (info === undefined) return NOT_ASSOCIATIVE;
    if (info === 'primitive') return { associative: true, primitive: true };
    return { associative: true, primitive: false, keys: info };
  },
};
