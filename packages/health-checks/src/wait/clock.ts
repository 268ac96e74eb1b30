/**
 * The time source of {@link waitForHealth}: milliseconds since an arbitrary origin, and a
 * sleep that ends early (rejecting with the signal's reason) when `signal` aborts.
 *
 * @example
 * ```ts
 * const clock: Clock = systemClock;
 * const start = clock.now();
 * await clock.sleep(100);
 * clock.now() - start; // about 100
 * ```
 */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The reason to reject with once `signal` has aborted. */
function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/**
 * The real clock: `performance.now()` and a `setTimeout` sleep that an AbortSignal cancels.
 *
 * @example
 * ```ts
 * await systemClock.sleep(5_000, AbortSignal.timeout(1_000)); // rejects after 1 s
 * ```
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** A {@link Clock} whose time only moves when something sleeps or {@link advance} is called. */
export interface VirtualClock extends Clock {
  /** Moves the time forward by `ms`. */
  advance(ms: number): void;
}

/**
 * The in-memory {@link Clock}: time starts at `start` and a sleep advances it at once, so
 * code that polls runs instantly and deterministically (for tests and dry runs). A sleep
 * with an aborted signal rejects with the signal's reason without advancing.
 *
 * @example
 * ```ts
 * const clock = createVirtualClock();
 * await clock.sleep(5_000);
 * clock.now(); // 5000
 * ```
 */
export function createVirtualClock(start = 0): VirtualClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
    async sleep(ms, signal) {
      await Promise.resolve();
      if (signal?.aborted) throw abortReason(signal);
      time += ms;
    },
  };
}
