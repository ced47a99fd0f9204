import { EventEmitter } from 'node:events';

/**
 * "The client went away", for one request. An EventEmitter rather than an AbortController:
 * undici accepts either as `signal`, and EventTarget listeners cost ~15% of a minimal proxy's
 * throughput on Node 20 (bench/RESULTS.md), on every request, for an event that rarely fires.
 */
export class ClientSignal extends EventEmitter<{ abort: [] }> {
  #aborted = false;

  get aborted(): boolean {
    return this.#aborted;
  }

  abort(): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.emit('abort');
  }
}

/** Waits `ms`, or resolves false at once when the client goes away first. */
export function sleepUnlessAborted(ms: number, signal: ClientSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.off('abort', onAbort);
      resolve(true);
    }, ms);
    signal.once('abort', onAbort);
  });
}
