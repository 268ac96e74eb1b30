import { isYamlMap, type YamlMap } from '@kustomate/resource';
import { DependencyGraphError } from './errors.js';
import type { DependencyRef, NamespacedRef } from './namespaced-ref.js';

/** A node of the dependency graph: a Kustomization and what it depends on. */
export interface DependentNode extends NamespacedRef {
  dependsOn: readonly DependencyRef[];
}

/**
 * Reads a Kustomization object into a {@link DependentNode}: `metadata.namespace` (default
 * `defaultNamespace`), `metadata.name` and `spec.dependsOn`. A missing name, a non-list
 * `dependsOn` or an entry without a string `name` is a {@link DependencyGraphError}
 * `InvalidDependsOn` naming the field.
 *
 * @example
 * ```ts
 * dependentNodeOf({ apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization',
 *   metadata: { name: 'apps', namespace: 'flux-system' }, spec: { dependsOn: [{ name: 'infra' }] } });
 * // { namespace: 'flux-system', name: 'apps', dependsOn: [{ name: 'infra' }] }
 * ```
 */
export function dependentNodeOf(obj: YamlMap, defaultNamespace = 'default'): DependentNode {
  const metadata = isYamlMap(obj['metadata']) ? obj['metadata'] : {};
  const name = metadata['name'];
  const rawNs = metadata['namespace'];
  const namespace = typeof rawNs === 'string' && rawNs !== '' ? rawNs : defaultNamespace;
  const fail = (field: string, message: string): never => {
    const object = typeof name === 'string' ? `${namespace}/${name}` : undefined;
    throw new DependencyGraphError('InvalidDependsOn', `${field}: ${message}`, {
      location: { ...(object ? { object } : {}), field },
    });
  };
  if (typeof name !== 'string' || name === '') return fail('metadata.name', 'expected a name');
  const spec = obj['spec'];
  const list = isYamlMap(spec) ? spec['dependsOn'] : undefined;
  if (list === undefined || list === null) return { namespace, name, dependsOn: [] };
  if (!Array.isArray(list)) return fail('spec.dependsOn', 'expected a list');
  const dependsOn = list.map((entry, i): DependencyRef => {
    const field = `spec.dependsOn[${i}]`;
    if (!isYamlMap(entry)) return fail(field, 'expected a map');
    const depName = entry['name'];
    if (typeof depName !== 'string' || depName === '') return fail(`${field}.name`, 'expected a name');
    const ref: DependencyRef = { name: depName };
    for (const key of ['namespace', 'readyExpr'] as const) {
      const v = entry[key];
      if (v === undefined || v === null || v === '') continue;
      if (typeof v !== 'string') return fail(`${field}.${key}`, 'expected a string');
      ref[key] = v;
    }
    return ref;
  });
  return { namespace, name, dependsOn };
}
