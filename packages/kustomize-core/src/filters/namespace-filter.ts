import { isYamlMap, type YamlValue } from '@kustomate/resource';
import type { FieldSpec } from '../data/field-spec-types.js';
import { KustomizeError } from '../errors.js';
import type { KResource } from '../resource/k-resource.js';
import type { SchemaInfo } from '../schema/schema-info.js';
import { applyFieldSpec, walkFieldSpec, type FieldVisit } from './field-spec-walk.js';
import { parseGroupVersion, wrapError } from './go-res-id.js';
import { requireScalar, wrongNodeKind } from './node-kind.js';
import { setFieldValue } from './scalar-aliases.js';
import { scalarNodeText } from './untagged-scalar.js';

/** Which RoleBinding/ClusterRoleBinding subjects get the namespace (`setRoleBindingSubjects`). */
export type RoleBindingSubjectMode = 'defaultOnly' | 'allServiceAccounts' | 'none';

/** Options of kustomize's NamespaceTransformer beyond the namespace and field specs. */
export interface NamespaceOptions {
  /** Only set namespace fields that are missing or empty (`unsetOnly`). */
  unsetOnly?: boolean;
  /** Default `defaultOnly`: only subjects named `default`. */
  setRoleBindingSubjects?: RoleBindingSubjectMode | '';
}

const META_NAMESPACE: FieldSpec = {
  group: '',
  version: '',
  kind: '',
  path: 'metadata/namespace',
  create: true,
};

function isRoleBinding(kind: string): boolean {
  return kind === 'RoleBinding' || kind === 'ClusterRoleBinding';
}

function hasExistingValue(value: YamlValue | undefined): boolean {
  if (value === null || value === undefined || Array.isArray(value) || isYamlMap(value))
    return false;
  return scalarNodeText(value) !== '';
}

class Setter {
  kindError = false;
  constructor(
    private readonly namespace: string,
    private readonly unsetOnly: boolean,
  ) {}

  readonly set = (field: FieldVisit): void => {
    if (this.unsetOnly && hasExistingValue(field.value)) return;
    try {
      requireScalar(field.value);
    } catch (e) {
      this.kindError = true;
      throw e;
    }
    field.set(this.namespace);
  };
}

function roleBindingSubjects(
  res: KResource,
  mode: NamespaceOptions['setRoleBindingSubjects'],
  setter: Setter,
): void {
  if (mode === 'none') return;
  if (
    mode !== undefined &&
    mode !== '' &&
    mode !== 'defaultOnly' &&
    mode !== 'allServiceAccounts'
  ) {
    throw new KustomizeError(
      'InvalidFieldSpec',
      `invalid value "${String(mode)}" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"`,
    );
  }
  const [field, want] =
    mode === 'allServiceAccounts' ? ['kind', 'ServiceAccount'] : ['name', 'default'];
  const subjects = res.object.subjects;
  if (subjects === undefined || subjects === null) return;
  try {
    if (!Array.isArray(subjects)) throw wrongNodeKind('SequenceNode', subjects);
    for (const subject of subjects) {
      if (subject === null) continue;
      if (!isYamlMap(subject)) throw wrongNodeKind('MappingNode', subject);
      const v = subject[field];
      if (v === undefined || v === null) continue;
      requireScalar(v);
      if (scalarNodeText(v) !== want) continue;
      if (!Object.hasOwn(subject, 'namespace')) subject.namespace = null;
      setter.set({
        value: subject.namespace,
        set: (nv) => setFieldValue(subject, 'namespace', nv),
      });
    }
  } catch (e) {
    throw wrapError(e, 'setting namespace on (cluster)role binding subjects');
  }
}

/**
 * kustomize's `namespace` filter on one resource (api/filters/namespace):
 * - `metadata/namespace` is set (created) unless the kind is certainly cluster-scoped;
 * - `metadata/name` field specs only apply to `apiVersion: v1` objects (renaming v1 Namespaces);
 * - RoleBinding/ClusterRoleBinding subjects per `setRoleBindingSubjects`;
 * - then the other field specs (GVK on the current object), creating scalars where asked.
 * All values are written as strings.
 */
export function applyNamespaceFilter(
  res: KResource,
  namespace: string,
  fieldSpecs: readonly FieldSpec[],
  schema: SchemaInfo,
  options: NamespaceOptions = {},
): void {
  const apiVersion = typeof res.object.apiVersion === 'string' ? res.object.apiVersion : '';
  let specs = fieldSpecs.filter(
    (fs) =>
      fs.path !== 'metadata/namespace' && !(apiVersion !== 'v1' && fs.path === 'metadata/name'),
  );
  const kind = typeof res.object.kind === 'string' ? res.object.kind : '';
  const gvk = { ...parseGroupVersion(apiVersion), kind };
  const setter = new Setter(namespace, options.unsetOnly === true);
  if (!schema.isClusterScoped(gvk)) walkFieldSpec(res.object, META_NAMESPACE, setter.set, 'scalar');
  if (isRoleBinding(kind)) {
    specs = specs.filter((fs) => !(isRoleBinding(fs.kind) && fs.path === 'subjects/namespace'));
    roleBindingSubjects(res, options.setRoleBindingSubjects, setter);
  }
  setter.kindError = false;
  try {
    for (const fs of specs) applyFieldSpec(res, fs, setter.set, 'scalar');
  } catch (e) {
    throw wrapError(
      e,
      setter.kindError
        ? 'namespace field specs must target scalar nodes'
        : 'namespace transformation failed',
    );
  }
}
