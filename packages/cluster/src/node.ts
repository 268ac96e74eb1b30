import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClusterClient } from './cluster-client.js';
import { ClusterError } from './cluster-error.js';
import { createMemoryCluster } from './memory/memory-cluster.js';
import type {
  ClusterSnapshot,
  MemoryCluster,
  MemoryClusterOptions,
} from './memory/memory-cluster-types.js';

/**
 * The file a persisted cluster lives in, inside its directory.
 *
 * @example
 * ```ts
 * join(dir, CLUSTER_FILE); // '<dir>/cluster.json'
 * ```
 */
export const CLUSTER_FILE = 'cluster.json';

/**
 * Reads the snapshot persisted in `dir`, or `undefined` when there is none yet. Leftover
 * temporary files of an interrupted save are removed.
 *
 * @example
 * ```ts
 * const snapshot = await readClusterDirectory('.kustomate/cluster');
 * ```
 */
export async function readClusterDirectory(dir: string): Promise<ClusterSnapshot | undefined> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir))
    if (name.startsWith(`${CLUSTER_FILE}.tmp-`))
      await unlink(join(dir, name)).catch(() => undefined);
  let text: string;
  try {
    text = await readFile(join(dir, CLUSTER_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const parsed = JSON.parse(text) as ClusterSnapshot;
  if (parsed.version !== 1 || !Array.isArray(parsed.objects))
    throw new ClusterError(
      'Invalid',
      `${join(dir, CLUSTER_FILE)} is not a version 1 cluster snapshot`,
    );
  return parsed;
}

let sequence = 0;

/**
 * Writes a snapshot to `dir` atomically: a temporary file is written and flushed, then renamed
 * over `cluster.json`, so a crash leaves either the old or the new snapshot, never a torn one.
 *
 * @example
 * ```ts
 * await writeClusterDirectory('.kustomate/cluster', cluster.snapshot());
 * ```
 */
export async function writeClusterDirectory(dir: string, snapshot: ClusterSnapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  sequence += 1;
  const temp = join(dir, `${CLUSTER_FILE}.tmp-${process.pid}-${sequence}`);
  const file = await open(temp, 'w');
  try {
    await file.writeFile(`${JSON.stringify(snapshot, null, 1)}\n`, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temp, join(dir, CLUSTER_FILE));
  const handle = await open(dir, 'r').catch(() => undefined);
  if (handle) {
    await handle.sync().catch(() => undefined);
    await handle.close();
  }
}

/** A memory cluster saved to a directory after every write. */
export interface PersistentCluster extends MemoryCluster {
  /** Resolves once every pending save has reached the disk. */
  flush(): Promise<void>;
}

/**
 * Opens the cluster persisted in `dir` (an empty one when there is none): a memory cluster
 * whose state is saved to `dir/cluster.json` after every write and every `settle()`.
 *
 * @example
 * ```ts
 * const cluster = await openClusterDirectory('.kustomate/cluster');
 * await cluster.apply(obj, { fieldManager: 'kustomate' });
 * ```
 */
export async function openClusterDirectory(
  dir: string,
  options: Omit<MemoryClusterOptions, 'from'> = {},
): Promise<PersistentCluster> {
  const from = await readClusterDirectory(dir);
  const inner = createMemoryCluster({ ...options, ...(from ? { from } : {}) });
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    saving = saving.then(() => writeClusterDirectory(dir, inner.snapshot()));
    return saving;
  };
  const persisted =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await fn(...args);
      await save();
      return result;
    };
  const client: ClusterClient = inner;
  return {
    faults: inner.faults,
    get: client.get.bind(inner),
    list: client.list.bind(inner),
    watch: client.watch.bind(inner),
    discover: client.discover.bind(inner),
    resourceFor: client.resourceFor.bind(inner),
    apply: persisted(client.apply.bind(inner)),
    create: persisted(client.create.bind(inner)),
    update: persisted(client.update.bind(inner)),
    updateStatus: persisted(client.updateStatus.bind(inner)),
    patch: persisted(client.patch.bind(inner)),
    delete: persisted(client.delete.bind(inner)),
    snapshot: () => inner.snapshot(),
    setOutcome: (target, outcome) => inner.setOutcome(target, outcome),
    settle: persisted(() => inner.settle()),
    flush: () => saving,
  };
}
