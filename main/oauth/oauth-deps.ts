import type { Clock } from '../core/clock.js';
import type { SecretStore } from '../secrets/secret-store.js';

/** The subset of `fetch` we use, so tests (and an undici dispatcher) can stand in for it. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Waits, or rejects early when the signal aborts; injected so poll loops test without sleeping. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Everything sign-in touches outside this folder, as ports (STYLE.md: tests swap adapters). */
export interface OAuthDeps {
  readonly fetch: FetchLike;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly secrets: SecretStore;
  /** `shell.openExternal` in Electron; in a terminal, print the URL. Failure is not fatal. */
  readonly openBrowser: (url: string) => Promise<void> | void;
  /** Where the loopback listener binds; 127.0.0.1 per RFC 8252 section 8.3. */
  readonly listenHost?: string;
}

export const systemSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
