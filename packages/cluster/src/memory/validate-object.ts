import { isYamlMap } from '@kustomate/resource';
import type { ObjectRef, YamlMap, YamlValue } from '@kustomate/resource';
import { ClusterError } from '../cluster-error.js';
import { qualifiedName } from './describe-object.js';
import { FIELD_TYPES } from './field-types.js';
import type { Expected } from './field-types.js';

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
    case 'int-or-string':
      return typeof value === 'string' || matches('integer', value);
    case 'map-of-strings':
      return isYamlMap(value);
  }
}

const EXPECTED_WORDS: Record<Expected, string> = {
  string: 'string',
  integer: 'numeric (int or float)',
  boolean: 'boolean',
  map: 'map',
  list: 'list',
  'int-or-string': 'string or numeric (int or float)',
  'map-of-strings': 'map',
};

/** The known fields of a kind as a tree: a field's type, its known fields, its items. */
interface FieldNode {
  type?: Expected;
  fields?: Map<string, FieldNode>;
  items?: FieldNode;
}

function buildTree(tables: Record<string, Expected>[]): FieldNode {
  const root: FieldNode = {};
  for (const table of tables)
    for (const [path, expected] of Object.entries(table)) {
      let node = root;
      for (const token of path.split('.')) {
        const each = token.endsWith('[]');
        const name = each ? token.slice(0, -2) : token;
        node.fields ??= new Map();
        let child = node.fields.get(name);
        if (!child) node.fields.set(name, (child = {}));
        node = each ? (child.items ??= {}) : child;
      }
      node.type = expected;
    }
  return root;
}

const TREES = new Map<string, FieldNode>();

/** The `*` table and the kind's table as one tree, built once per kind. */
function treeFor(kind: string): FieldNode {
  let tree = TREES.get(kind);
  if (!tree) {
    tree = buildTree([FIELD_TYPES['*'] ?? {}, FIELD_TYPES[kind] ?? {}]);
    TREES.set(kind, tree);
  }
  return tree;
}

function formatPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Walks `value` along `node`, returning the first wrong type found as `[path, message]`. */
function findWrongType(
  value: YamlValue,
  node: FieldNode,
  path: (string | number)[],
): [string, string] | undefined {
  const expected = node.type;
  if (expected !== undefined) {
    if (!matches(expected, value))
      return [
        formatPath(path),
        `Invalid value: expected ${EXPECTED_WORDS[expected]}, got ${typeName(value)}`,
      ];
    if (expected === 'map-of-strings' && isYamlMap(value))
      for (const [key, entry] of Object.entries(value))
        if (typeof entry !== 'string' && entry !== null)
          return [
            formatPath([...path, key]),
            `Invalid value: expected string, got ${typeName(entry)}`,
          ];
  }
  if (node.fields && isYamlMap(value))
    for (const [name, child] of node.fields) {
      const v = value[name];
      if (v === undefined) continue;
      path.push(name);
      const found = findWrongType(v, child, path);
      path.pop();
      if (found) return found;
    }
  if (node.items && Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = findWrongType(value[i] as YamlValue, node.items, path);
      path.pop();
      if (found) return found;
    }
  return undefined;
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
  const found = findWrongType(object, treeFor(`${group}/${ref.kind}`), []);
  if (found) throw invalid(ref, found[0], found[1]);
}

/**
 * Checks the rules that involve fields the server defaults, run after defaulting: a Deployment
 * with the `Recreate` strategy may not keep `rollingUpdate` (which defaulting left there when
 * the strategy was `RollingUpdate`). Throws `Invalid`.
 *
 * @example
 * ```ts
 * validateDefaulted(deployment, ref, 'apps'); // throws Invalid at spec.strategy.rollingUpdate
 * ```
 */
export function validateDefaulted(object: YamlMap, ref: ObjectRef, group: string): void {
  if (group !== 'apps' || ref.kind !== 'Deployment') return;
  const spec = object['spec'];
  const strategy = isYamlMap(spec) ? spec['strategy'] : undefined;
  if (
    isYamlMap(strategy) &&
    strategy['type'] === 'Recreate' &&
    strategy['rollingUpdate'] !== undefined &&
    strategy['rollingUpdate'] !== null
  )
    throw invalid(
      ref,
      'spec.strategy.rollingUpdate',
      "Forbidden: may not be specified when strategy `type` is 'Recreate'",
    );
}
