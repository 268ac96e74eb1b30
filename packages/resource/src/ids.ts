/** A Kubernetes group/version/kind. The core group is the empty string. */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** A reference to one Kubernetes object. An empty namespace means cluster-scoped or unset. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** Splits an `apiVersion` (`apps/v1`, `v1`) into group and version. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return { group: '', version: apiVersion };
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** Joins group and version into an `apiVersion` (`v1` for the core group). */
export function formatApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/** A readable one-line form of a reference: `apps/v1 Deployment ns/name` or `v1 Namespace name`. */
export function formatObjectRef(ref: ObjectRef): string {
  const ns = ref.namespace ? `${ref.namespace}/` : '';
  return `${ref.apiVersion} ${ref.kind} ${ns}${ref.name}`;
}
