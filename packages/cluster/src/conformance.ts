// The shared ClusterClient conformance suite, one file per area under ./conformance/.
import { describe } from 'vitest';
import type { ClusterClient } from './cluster-client.js';
import { describeMetadata } from './conformance/metadata.js';
import { describeReads } from './conformance/reads.js';
import { describeNamespaces } from './conformance/namespaces.js';
import { describeDiscovery } from './conformance/discovery.js';
import { describeServerSideApply } from './conformance/server-side-apply.js';
import { describeUpdateAndPatch } from './conformance/update-and-patch.js';
import { describeCustomResources } from './conformance/custom-resources.js';
import { describeImmutableFields } from './conformance/immutable-fields.js';
import { describeBadInput } from './conformance/bad-input.js';
import { describeGarbageCollection } from './conformance/garbage-collection.js';
import { describeWatch } from './conformance/watch.js';
import { uniqueName } from './conformance/suite-helpers.js';
import type { ConformanceOptions, SuiteContext } from './conformance/suite-helpers.js';

export type { ConformanceOptions } from './conformance/suite-helpers.js';

/**
 * The shared `ClusterClient` conformance suite: registers vitest tests that any implementation
 * must pass (metadata, reads, namespaces, discovery, server-side apply ownership, updates and
 * patches, CRDs, immutable fields, bad input, finalizers and garbage collection, watch).
 *
 * @example
 * ```ts
 * import { createMemoryCluster } from '@kustomate/cluster';
 * import { describeClusterClient } from '@kustomate/cluster/conformance';
 * describeClusterClient('memory', { create: () => createMemoryCluster({ simulator: false }) });
 * ```
 */
export function describeClusterClient(name: string, options: ConformanceOptions): void {
  const setup = async (): Promise<{ client: ClusterClient; ns: string }> => {
    const client = await options.create();
    const ns = uniqueName('conf');
    await client.apply(
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
      { fieldManager: 'conformance' },
    );
    return { client, ns };
  };
  const ref = (ns: string, name: string, kind = 'ConfigMap', apiVersion = 'v1') => ({
    apiVersion,
    kind,
    namespace: ns,
    name,
  });

  const context: SuiteContext = { options, setup, ref };
  describe(`ClusterClient conformance: ${name}`, () => {
    describeMetadata(context);
    describeReads(context);
    describeNamespaces(context);
    describeDiscovery(context);
    describeServerSideApply(context);
    describeUpdateAndPatch(context);
    describeCustomResources(context);
    describeImmutableFields(context);
    describeBadInput(context);
    describeGarbageCollection(context);
    describeWatch(context);
  });
}

export { describeSsaMergeCases } from './conformance/ssa-merge-cases.js';
export type { SsaMergeCase } from './conformance/ssa-merge-cases.js';
