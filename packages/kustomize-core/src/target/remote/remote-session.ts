import { KustomizeError } from '../../errors.js';
import { NeedsRemote, requestKey, type RemoteRequest } from './needs-remote.js';
import type { FetchedRepo, RemoteLoader } from './remote-loader.js';

/** The result of one fetch, kept so that re-runs of the build see the same answer. */
export type FetchOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Most fetches one build may make before it is considered runaway. */
export const MAX_REMOTE_FETCHES = 100;

/** The remote fetches of one build: what was fetched (or failed), by {@link requestKey}. */
export class RemoteSession {
  private readonly outcomes = new Map<string, FetchOutcome<unknown>>();

  constructor(readonly loader: RemoteLoader) {}

  /** How many fetches this session has made. */
  get size(): number {
    return this.outcomes.size;
  }

  /** The outcome of a file fetch; throws {@link NeedsRemote} when not fetched yet. */
  file(url: string): FetchOutcome<Uint8Array> {
    return this.lookup({ kind: 'file', url }) as FetchOutcome<Uint8Array>;
  }

  /** The outcome of a repository fetch; throws {@link NeedsRemote} when not fetched yet. */
  repo(request: Extract<RemoteRequest, { kind: 'repo' }>): FetchOutcome<FetchedRepo> {
    return this.lookup(request) as FetchOutcome<FetchedRepo>;
  }

  private lookup(request: RemoteRequest): FetchOutcome<unknown> {
    const outcome = this.outcomes.get(requestKey(request));
    if (!outcome) throw new NeedsRemote(request);
    return outcome;
  }

  /** Fetches what `request` names and records the outcome; rethrows only cancellation. */
  async fetch(request: RemoteRequest, signal: AbortSignal | undefined): Promise<void> {
    const options = signal ? { signal } : {};
    let outcome: FetchOutcome<unknown>;
    try {
      const value =
        request.kind === 'file'
          ? await this.loader.fetchFile(request.url, options)
          : await this.loader.fetchRepo(request.spec, options);
      outcome = { ok: true, value };
    } catch (error) {
      signal?.throwIfAborted();
      outcome = { ok: false, error };
    }
    this.outcomes.set(requestKey(request), outcome);
  }
}

let active: RemoteSession | undefined;

/** The session of the build running now (synchronously), if it has a remote loader. */
export function activeRemoteSession(): RemoteSession | undefined {
  return active;
}

/** Runs the synchronous `run` with `session` active (a dynamic scope: `run` never awaits). */
export function runWithRemoteSession<T>(session: RemoteSession, run: () => T): T {
  const previous = active;
  active = session;
  try {
    return run();
  } finally {
    active = previous;
  }
}

/**
 * Runs a synchronous build until it needs nothing more from the network: each time it throws
 * {@link NeedsRemote}, the missing piece is fetched through `loader` and the build starts over
 * with everything fetched so far. Bounded by {@link MAX_REMOTE_FETCHES}.
 */
export async function runWithRemotes<T>(
  run: () => T,
  loader: RemoteLoader,
  signal: AbortSignal | undefined,
): Promise<T> {
  const session = new RemoteSession(loader);
  for (;;) {
    signal?.throwIfAborted();
    try {
      return runWithRemoteSession(session, run);
    } catch (e) {
      if (!(e instanceof NeedsRemote)) throw e;
      if (session.size >= MAX_REMOTE_FETCHES) {
        throw new KustomizeError(
          'Unsupported',
          `too many remote resources: a build may fetch at most ${MAX_REMOTE_FETCHES} (next: ${e.message})`,
          { data: { limit: MAX_REMOTE_FETCHES } },
        );
      }
      await session.fetch(e.request, signal);
    }
  }
}
