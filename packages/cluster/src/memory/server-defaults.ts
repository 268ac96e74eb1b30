import { cloneYaml, isYamlMap } from '@kustomate/resource';
import type { ObjectRef, YamlMap } from '@kustomate/resource';
import { defaultBuiltin } from './builtin-defaults.js';

/**
 * What the API server fills in: the defaults of built-in kinds on every write (see
 * `defaultBuiltin`) and, on create, a Namespace's `kubernetes` finalizer and `Active` phase and
 * a Service's allocated `clusterIP` (`ordinal` picks the address and node ports).
 *
 * @example
 * ```ts
 * applyServerDefaults(service, ref, '', 7, true); // spec.clusterIP = '10.96.0.8'
 * ```
 */
export function applyServerDefaults(
  object: YamlMap,
  ref: ObjectRef,
  group: string,
  ordinal: number,
  creating: boolean,
): void {
  if (group !== '' && group !== 'apps' && group !== 'batch') return;
  if (creating && group === '') createDefaults(object, ref, ordinal);
  defaultBuiltin(object, group, ref.kind, ordinal);
}

function createDefaults(object: YamlMap, ref: ObjectRef, ordinal: number): void {
  if (ref.kind === 'Namespace') {
    object['spec'] = {
      finalizers: ['kubernetes'],
      ...(isYamlMap(object['spec']) ? object['spec'] : {}),
    };
    object['status'] = { phase: 'Active' };
  }
  if (ref.kind === 'Service' && isYamlMap(object['spec'])) {
    const spec = object['spec'];
    if (spec['type'] !== 'ExternalName' && spec['clusterIP'] === undefined) {
      spec['clusterIP'] = `10.96.${Math.floor(ordinal / 250) % 250}.${(ordinal % 250) + 1}`;
      spec['clusterIPs'] = [spec['clusterIP']];
    }
  }
}

/**
 * The status of an established CustomResourceDefinition: names accepted, `Established`, its
 * storage version recorded.
 *
 * @example
 * ```ts
 * crd['status'] = establishedCrdStatus(crd, '2026-01-01T00:00:00Z');
 * ```
 */
export function establishedCrdStatus(crd: YamlMap, time: string): YamlMap {
  const spec = isYamlMap(crd['spec']) ? crd['spec'] : {};
  return {
    acceptedNames: cloneYaml(spec['names'] ?? {}),
    conditions: [
      {
        type: 'NamesAccepted',
        status: 'True',
        reason: 'NoConflicts',
        message: 'no conflicts found',
        lastTransitionTime: time,
      },
      {
        type: 'Established',
        status: 'True',
        reason: 'InitialNamesAccepted',
        message: 'the initial names have been accepted',
        lastTransitionTime: time,
      },
    ],
    storedVersions: (Array.isArray(spec['versions']) ? spec['versions'] : [])
      .filter(isYamlMap)
      .filter((v) => v['storage'] === true)
      .map((v) => v['name'] ?? ''),
  };
}
