import { formatApiVersion, isYamlMap, parseApiVersion } from '@kustomate/resource';
import type { YamlMap, YamlValue } from '@kustomate/resource';
import type { ApiResource } from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';
import { BUILTIN_RESOURCES } from '../data/generated/resources.js';
import { builtinSchema } from '../schema/builtin-schema.js';
import type { SchemaNode } from '../schema/type-schema.js';
import { crdSchema } from './crd-schema.js';

/** A kind the memory cluster serves, with what its writes need. */
export interface ServedKind extends ApiResource {
  /** Whether `status` is a subresource (ignored by writes to the main resource). */
  statusSubresource: boolean;
  /** The name of the CustomResourceDefinition serving it, for custom resources. */
  crd?: string;
  /** The merge schema at a version (`{}`, a typed schema without list rules, when unknown). */
  schema(version: string): SchemaNode;
}

/**
 * Orders versions as Kubernetes prefers them: GA before beta before alpha, higher first.
 *
 * @example
 * ```ts
 * ['v1beta1', 'v2', 'v1'].sort(compareVersions); // ['v2', 'v1', 'v1beta1']
 * ```
 */
export function compareVersions(a: string, b: string): number {
  const rank = (v: string): [number, number, number] => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    return [m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1, Number(m[1]), Number(m[3] ?? 0)];
  };
  const [ra, rb] = [rank(a), rank(b)];
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return (rb[i] ?? 0) - (ra[i] ?? 0);
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupKind(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/**
 * The kinds a memory cluster serves: the v1.21.2 built-ins plus established CRDs.
 *
 * @example
 * ```ts
 * new ResourceRegistry().lookup('apps/v1', 'Deployment').plural; // 'deployments'
 * ```
 */
export class ResourceRegistry {
  readonly #kinds = new Map<string, ServedKind>();

  constructor() {
    const grouped = new Map<string, { versions: string[]; plural: string; namespaced: boolean }>();
    for (const [apiVersion, kind, plural, namespaced] of BUILTIN_RESOURCES) {
      const { group, version } = parseApiVersion(apiVersion);
      const key = groupKind(group, kind);
      const entry = grouped.get(key) ?? { versions: [], plural, namespaced };
      entry.versions.push(version);
      grouped.set(key, entry);
    }
    for (const [key, entry] of grouped) {
      const slash = key.lastIndexOf('/');
      const group = key.slice(0, slash);
      const kind = key.slice(slash + 1);
      this.#kinds.set(key, {
        group,
        kind,
        plural: entry.plural,
        namespaced: entry.namespaced,
        versions: entry.versions.sort(compareVersions),
        statusSubresource: true,
        schema: (version) => builtinSchema(formatApiVersion(group, version), kind) ?? {},
      });
    }
  }

  /** The served kind for `apiVersion`/`kind`; throws `NoKindMatch` when none serves it. */
  lookup(apiVersion: string, kind: string): ServedKind {
    const { group, version } = parseApiVersion(apiVersion);
    const served = this.#kinds.get(groupKind(group, kind));
    if (!served || !served.versions.includes(version))
      throw new ClusterError(
        'NoKindMatch',
        `no matches for kind "${kind}" in version "${apiVersion}"`,
        {
          ref: { apiVersion, kind, name: '' },
        },
      );
    return served;
  }

  /** Every served kind. */
  list(): ServedKind[] {
    return [...this.#kinds.values()];
  }

  /** Serves the kind of an established CustomResourceDefinition. */
  registerCrd(crd: YamlMap): void {
    const spec = crd['spec'];
    if (!isYamlMap(spec)) return;
    const names = isYamlMap(spec['names']) ? spec['names'] : {};
    const group = String(spec['group'] ?? '');
    const kind = String(names['kind'] ?? '');
    const versions = (Array.isArray(spec['versions']) ? spec['versions'] : []).filter(isYamlMap);
    const served = versions.filter((v) => v['served'] !== false);
    const storage = versions.find((v) => v['storage'] === true);
    const order = served
      .map((v) => String(v['name']))
      .sort((a, b) =>
        a === storage?.['name'] ? -1 : b === storage?.['name'] ? 1 : compareVersions(a, b),
      );
    const byVersion = new Map<string, YamlValue | undefined>(
      versions.map((v) => [String(v['name']), v]),
    );
    const schemas = new Map<string, SchemaNode>();
    const metadata = isYamlMap(crd['metadata']) ? crd['metadata'] : {};
    this.#kinds.set(groupKind(group, kind), {
      group,
      kind,
      plural: String(names['plural'] ?? `${kind.toLowerCase()}s`),
      namespaced: spec['scope'] !== 'Cluster',
      versions: order,
      crd: String(metadata['name'] ?? ''),
      statusSubresource: served.some(
        (v) => isYamlMap(v['subresources']) && v['subresources']['status'] !== undefined,
      ),
      schema: (version) => {
        let schema = schemas.get(version);
        if (!schema) {
          const v = byVersion.get(version);
          const s =
            isYamlMap(v) && isYamlMap(v['schema']) ? v['schema']['openAPIV3Schema'] : undefined;
          schema = crdSchema(s);
          schemas.set(version, schema);
        }
        return schema;
      },
    });
  }

  /** Stops serving the kinds of a CustomResourceDefinition. */
  unregisterCrd(name: string): void {
    for (const [key, served] of this.#kinds) if (served.crd === name) this.#kinds.delete(key);
  }
}
