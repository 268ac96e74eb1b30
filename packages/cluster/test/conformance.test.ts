import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeClusterClient, describeSsaMergeCases } from '../src/conformance.js';
import type { SsaMergeCase } from '../src/conformance.js';
import { createMemoryCluster } from '../src/index.js';
import type { MemoryCluster } from '../src/index.js';

describeClusterClient('memory cluster', {
  create: () => createMemoryCluster(),
  settle: (client) => (client as MemoryCluster).settle(),
});

const corpus = join(import.meta.dirname, '../../../../shared/conformance/ssa/merge/cases.json');
describeSsaMergeCases('memory cluster', {
  create: () => createMemoryCluster({ simulator: false }),
  cases: JSON.parse(readFileSync(corpus, 'utf8')) as SsaMergeCase[],
});
