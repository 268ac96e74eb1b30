import { GitSourceError } from '../git-source-error.js';

/** Where a deadline applies, for the timeout message. */
export interface DeadlineOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  url: string;
  ref?: string | undefined;
}

/**
 * Runs `work` until it settles, the caller's signal aborts, or `timeoutMs` passes (then it
 * rejects with a `Timeout` {@link GitSourceError}). `work` receives a signal that aborts in
 * both cases, to stop early where it can.
 */
export async function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: DeadlineOptions,
): Promise<T> {
  options.signal?.throwIfAborted();
  const controller = new AbortController();
  const seconds = options.timeoutMs / 1000;
  const timer = setTimeout(
    () =>
      controller.abort(
        new GitSourceError('Timeout', `fetching '${options.url}' timed out after ${seconds}s`, {
          data: { url: options.url, ...(options.ref ? { ref: options.ref } : {}) },
        }),
      ),
    options.timeoutMs,
  );
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), {
      once: true,
    });
  });
  try {
    return await Promise.race([work(controller.signal), aborted]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
