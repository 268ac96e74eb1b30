import type { WatchEvent } from '../cluster-client.js';

type Listener = (event: WatchEvent) => void;

/**
 * Fans store changes out to watchers, each with its own queue.
 *
 * @example
 * ```ts
 * for await (const e of hub.subscribe(() => true, [], signal)) console.log(e.type);
 * ```
 */
export class WatchHub {
  readonly #listeners = new Set<Listener>();

  emit(event: WatchEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /**
   * An async iterable of the events `accept` keeps, starting with `initial`, until `signal`
   * aborts or the consumer stops iterating.
   */
  subscribe(
    accept: (event: WatchEvent) => boolean,
    initial: WatchEvent[],
    signal?: AbortSignal,
  ): AsyncIterable<WatchEvent> {
    const hub = this.#listeners;
    return {
      [Symbol.asyncIterator](): AsyncIterator<WatchEvent> {
        const queue: WatchEvent[] = [...initial];
        let wake: (() => void) | undefined;
        let done = false;
        const listener: Listener = (event) => {
          if (!accept(event)) return;
          queue.push(event);
          wake?.();
        };
        const stop = (): void => {
          done = true;
          hub.delete(listener);
          wake?.();
        };
        hub.add(listener);
        signal?.addEventListener('abort', stop, { once: true });
        if (signal?.aborted) stop();
        return {
          async next(): Promise<IteratorResult<WatchEvent>> {
            while (queue.length === 0 && !done) await new Promise<void>((r) => (wake = r));
            wake = undefined;
            const event = queue.shift();
            return event ? { value: event, done: false } : { value: undefined, done: true };
          },
          async return(): Promise<IteratorResult<WatchEvent>> {
            stop();
            return { value: undefined, done: true };
          },
        };
      },
    };
  }
}
