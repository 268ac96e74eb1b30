import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { DependencyGraphError } from './errors.js';
import { formatUnitRef, type DependencyRef, type DependencyUnit } from './dependency-unit.js';

/** A unit read from an object: always has its kind, namespace and `dependsOn` list. */
export interface ObjectUnit extends DependencyUnit {
  kind: string;
  namespace: string;
  dependsOn: DependencyRef[];
}

const OPTIONAL_FIELDS = ['apiVersion', 'kind', 'namespace', 'readyExpr'] as const;

/**
 * Reads an object with `spec.dependsOn` (a Kustomization, a HelmRelease, …) into a unit:
 * `apiVersion`, `kind`, `metadata.namespace` (default `defaultNamespace`), `metadata.name`
 * and the `dependsOn` entries (`{ apiVersion?, kind?, name, namespace?, readyExpr? }`). A
 * missing name or kind, a non-list `dependsOn` or an entry without a string `name` is a
 * {@link DependencyGraphError} `InvalidDependsOn` naming the field.
 *
 * @example
 * ```ts
 * dependencyUnitOf({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization',
 *   metadata: { name: 'apps', namespace: 'flux-system' },
 *   spec: { dependsOn: [{ name: 'infra' }, { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'db' }] } });
 * // { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', namespace: 'flux-system',
 * //   name: 'apps', dependsOn: [{ name: 'infra' }, { apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', name: 'db' }] }
 * ```
 */
export function dependencyUnitOf(obj: YamlMap, defaultNamespace = 'default'): ObjectUnit {
  const metadata = isYamlMap(obj['metadata']) ? obj['metadata'] : {};
  const name = metadata['name'];
  const rawNs = metadata['namespace'];
  const kind = typeof obj['kind'] === 'string' ? obj['kind'] : '';
  const apiVersion = typeof obj['apiVersion'] === 'string' ? obj['apiVersion'] : '';
  const namespace = typeof rawNs === 'string' && rawNs !== '' ? rawNs : defaultNamespace;
  const fail = (field: string, message: string): never => {
    const object = typeof name === 'string' ? formatUnitRef({ kind, namespace, name }) : undefined;
    throw new DependencyGraphError('InvalidDependsOn', `${field}: ${message}`, {
      location: { ...(object ? { object } : {}), field },
    });
  };
  if (typeof name !== 'string' || name === '') return fail('metadata.name', 'expected a name');
  if (kind === '') return fail('kind', 'expected a kind');
  const base = { ...(apiVersion ? { apiVersion } : {}), kind, namespace, name };
  const spec = obj['spec'];
  const list = isYamlMap(spec) ? spec['dependsOn'] : undefined;
  if (list === undefined || list === null) return { ...base, dependsOn: [] };
  if (!Array.isArray(list)) return fail('spec.dependsOn', 'expected a list');
  const dependsOn = list.map((entry, i): DependencyRef => {
    const field = `spec.dependsOn[${i}]`;
    if (!isYamlMap(entry)) return fail(field, 'expected a map');
    const depName = entry['name'];
    if (typeof depName !== 'string' || depName === '') {
      return fail(`${field}.name`, 'expected a name');
    }
    const ref: DependencyRef = { name: depName };
    for (const key of OPTIONAL_FIELDS) {
      const v = entry[key];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string') return fail(`${field}.${key}`, 'expected a string');
      ref[key] = v;
    }
    return ref;
  });
  return { ...base, dependsOn };
}
