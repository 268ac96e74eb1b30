import { isYamlMap } from '@kustomate/resource';
import type { ObjectRef, YamlMap, YamlValue } from '@kustomate/resource';
import { ClusterError } from '../cluster-error.js';
import { qualifiedName } from './describe-object.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Kinds whose names must be DNS-1123 labels (the rest are subdomains or path segments). */
const LABEL_NAMED = new Set(['/Namespace', '/Service']);
/** Kinds whose names only need to be path segments (RBAC). */
const PATH_SEGMENT_NAMED = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

function invalid(ref: ObjectRef, field: string, message: string): ClusterError {
  return new ClusterError('Invalid', `${qualifiedName(ref)} is invalid: ${field}: ${message}`, {
    ref,
    field,
    data: { causes: [{ field, message }] },
  });
}

/**
 * The name rule of a kind, as the API server's validation words it; `undefined` when valid.
 *
 * @example
 * ```ts
 * nameProblem('', 'Namespace', 'Team_A'); // 'Invalid value: "Team_A": a lowercase RFC 1123 label …'
 * ```
 */
export function nameProblem(group: string, kind: string, name: string): string | undefined {
  if (PATH_SEGMENT_NAMED.has(kind) && group === 'rbac.authorization.k8s.io') {
    if (name === '.' || name === '..' || /[/%]/.test(name))
      return `Invalid value: "${name}": may not contain '/' or '%' and may not be '.' or '..'`;
    return undefined;
  }
  if (LABEL_NAMED.has(`${group}/${kind}`)) {
    if (name.length > 63 || !LABEL.test(name))
      return `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;
    return undefined;
  }
  if (name.length > 253 || !SUBDOMAIN.test(name))
    return `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
  return undefined;
}

/**
 * Checks what every write needs before the kind is even looked up: `apiVersion`, `kind` and
 * `metadata.name`. Throws `Invalid`.
 *
 * @example
 * ```ts
 * validateIdentity({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }); // throws Invalid (metadata.name)
 * ```
 */
export function validateIdentity(object: unknown): asserts object is YamlMap {
  const ref: ObjectRef = { apiVersion: '', kind: '', name: '' };
  if (!isYamlMap(object))
    throw new ClusterError('Invalid', 'Object is not a map', { field: '', ref });
  for (const field of ['apiVersion', 'kind'] as const) {
    const v = object[field];
    if (typeof v !== 'string' || v === '')
      throw new ClusterError(
        'Invalid',
        `Object '${field === 'kind' ? 'Kind' : 'apiVersion'}' is missing`,
        {
          field,
          ref: {
            ...ref,
            apiVersion: String(object['apiVersion'] ?? ''),
            kind: String(object['kind'] ?? ''),
          },
        },
      );
  }
  const meta = object['metadata'];
  const name = isYamlMap(meta) ? meta['name'] : undefined;
  if (typeof name !== 'string' || name === '')
    throw invalid(
      { apiVersion: String(object['apiVersion']), kind: String(object['kind']), name: '' },
      'metadata.name',
      'Required value: name or generateName is required',
    );
}

/**
 * Checks the name and namespace of an object against its kind's rules. Throws `Invalid`.
 *
 * @example
 * ```ts
 * validateScope({ apiVersion: 'v1', kind: 'ConfigMap', name: 'Bad_Name', namespace: 'x' }, '', true); // throws Invalid
 * ```
 */
export function validateScope(ref: ObjectRef, group: string, namespaced: boolean): void {
  const problem = nameProblem(group, ref.kind, ref.name);
  if (problem) throw invalid(ref, 'metadata.name', problem);
  if (!namespaced && ref.namespace)
    throw invalid(ref, 'metadata.namespace', 'Forbidden: not allowed on this type');
  if (namespaced && !ref.namespace) throw invalid(ref, 'metadata.namespace', 'Required value');
  if (namespaced && ref.namespace) {
    const nsProblem = nameProblem('', 'Namespace', ref.namespace);
    if (nsProblem) throw invalid(ref, 'metadata.namespace', nsProblem);
  }
}

type Expected = 'string' | 'integer' | 'boolean' | 'map' | 'list' | 'map-of-strings';

/** Known field types checked on every write: kind (or `*`) → dotted path (`[]` = each item) → type. */
const FIELD_TYPES: Record<string, Record<string, Expected>> = {
  '*': {
    'metadata.labels': 'map-of-strings',
    'metadata.annotations': 'map-of-strings',
    'metadata.finalizers': 'list',
    'metadata.ownerReferences': 'list',
  },
  'apps/Deployment': {
    'spec.replicas': 'integer',
    'spec.selector': 'map',
    'spec.template': 'map',
    'spec.template.spec.containers': 'list',
    'spec.template.spec.containers[].name': 'string',
    'spec.template.spec.containers[].image': 'string',
    'spec.template.spec.containers[].ports[].containerPort': 'integer',
    'spec.progressDeadlineSeconds': 'integer',
  },
  'apps/StatefulSet': {
    'spec.replicas': 'integer',
    'spec.serviceName': 'string',
    'spec.template.spec.containers': 'list',
  },
  'apps/DaemonSet': { 'spec.template.spec.containers': 'list' },
  'apps/ReplicaSet': { 'spec.replicas': 'integer' },
  'batch/Job': {
    'spec.backoffLimit': 'integer',
    'spec.completions': 'integer',
    'spec.parallelism': 'integer',
  },
  '/Pod': {
    'spec.containers': 'list',
    'spec.containers[].name': 'string',
    'spec.containers[].image': 'string',
  },
  '/Service': {
    'spec.ports': 'list',
    'spec.ports[].port': 'integer',
    'spec.type': 'string',
    'spec.selector': 'map-of-strings',
  },
  '/ConfigMap': { data: 'map-of-strings', binaryData: 'map-of-strings', immutable: 'boolean' },
  '/Secret': {
    data: 'map-of-strings',
    stringData: 'map-of-strings',
    type: 'string',
    immutable: 'boolean',
  },
  '/Namespace': { 'spec.finalizers': 'list' },
};

function typeName(value: YamlValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (isYamlMap(value)) return 'map';
  if (typeof value === 'number' || typeof value === 'bigint') return 'numeric';
  return typeof value;
}

function matches(expected: Expected, value: YamlValue): boolean {
  if (value === null) return true;
  switch (expected) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'map':
      return isYamlMap(value);
    case 'list':
      return Array.isArray(value);
    case 'map-of-strings':
      return (
        isYamlMap(value) && Object.values(value).every((v) => typeof v === 'string' || v === null)
      );
  }
}

const EXPECTED_WORDS: Record<Expected, string> = {
  string: 'string',
  integer: 'numeric (int or float)',
  boolean: 'boolean',
  map: 'map',
  list: 'list',
  'map-of-strings': 'map of strings',
};

function visit(
  value: YamlValue | undefined,
  tokens: string[],
  at: string,
  found: (v: YamlValue, path: string) => void,
): void {
  if (value === undefined) return;
  const [head, ...rest] = tokens;
  if (head === undefined) return found(value, at);
  if (head.endsWith('[]')) {
    const field = head.slice(0, -2);
    const list = isYamlMap(value) ? value[field] : undefined;
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => visit(item, rest, `${at}${at ? '.' : ''}${field}[${i}]`, found));
    return;
  }
  if (isYamlMap(value)) visit(value[head], rest, `${at}${at ? '.' : ''}${head}`, found);
}

/**
 * Checks the types of the known fields of a built-in kind, with the server-side-apply wording
 * (`.spec.replicas: expected numeric (int or float), got string`). Throws `Invalid`.
 *
 * @example
 * ```ts
 * validateFieldTypes(deployment, ref, 'apps'); // throws Invalid at spec.replicas when it is a string
 * ```
 */
export function validateFieldTypes(object: YamlMap, ref: ObjectRef, group: string): void {
  const tables = [FIELD_TYPES['*'] ?? {}, FIELD_TYPES[`${group}/${ref.kind}`] ?? {}];
  for (const table of tables)
    for (const [path, expected] of Object.entries(table))
      visit(object, path.split('.'), '', (value, at) => {
        if (!matches(expected, value))
          throw invalid(
            ref,
            at,
            `Invalid value: expected ${EXPECTED_WORDS[expected]}, got ${typeName(value)}`,
          );
      });
}
