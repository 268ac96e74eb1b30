import type { YamlMap } from '@kustomate/resource';
import { expect } from 'vitest';
import type { ClusterClient, KubeObject } from '../cluster-client.js';
import { ClusterError } from '../cluster-error.js';

/** Options of {@link describeClusterClient}. */
export interface ConformanceOptions {
  /** Creates a fresh client for each test (a new memory cluster, or a client of a scratch cluster). */
  create(): ClusterClient | Promise<ClusterClient>;
  /** Waits for controllers to act (e.g. `cluster.settle()`); skipped when omitted. */
  settle?(client: ClusterClient): Promise<void>;
}

let counter = 0;
/** A name unique within this process run. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** Builds a ConfigMap. */
export function configMap(
  namespace: string,
  name: string,
  data: Record<string, string>,
  extra: YamlMap = {},
): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...extra }, data };
}

export function deployment(namespace: string, name: string, spec: YamlMap = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] },
      },
      ...spec,
    },
  };
}

export async function expectCode(
  promise: Promise<unknown>,
  code: ClusterError['code'],
): Promise<ClusterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected a ClusterError ${code}`).toBeInstanceOf(ClusterError);
  expect((error as ClusterError).code).toBe(code);
  return error as ClusterError;
}

export function managers(
  object: KubeObject | undefined,
): { manager: string; operation: string; fields: YamlMap }[] {
  const meta = object?.['metadata'] as YamlMap | undefined;
  const entries = (meta?.['managedFields'] ?? []) as YamlMap[];
  return entries.map((e) => ({
    manager: String(e['manager']),
    operation: String(e['operation']),
    fields: e['fieldsV1'] as YamlMap,
  }));
}

export function meta(object: KubeObject | undefined): YamlMap {
  return (object?.['metadata'] ?? {}) as YamlMap;
}

/** What every area of the suite gets: a fresh client with its own namespace, and a ref maker. */
export interface SuiteContext {
  options: ConformanceOptions;
  setup(): Promise<{ client: ClusterClient; ns: string }>;
  ref(
    ns: string,
    name: string,
    kind?: string,
    apiVersion?: string,
  ): { apiVersion: string; kind: string; namespace: string; name: string };
}
