import { createParser } from 'eventsource-parser';
import { adminEventSchema, type AdminEvent } from '../../../shared/admin/contract.js';
import type { FetchLike } from './fetch-like.js';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits `ms`, or less when the subscription ends meanwhile. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Reconnect quickly after a blip, but do not hammer a proxy that is down: 1 s doubling to 30 s. */
export function reconnectDelay(failuresInARow: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failuresInARow - 1));
}

/**
 * Reads one SSE body to its end: each `data:` is one AdminEvent. Lines that are not a known event
 * are skipped, so a newer proxy with more event kinds does not break an older window.
 */
export async function readAdminEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: AdminEvent) => void,
): Promise<void> {
  const parser = createParser({
    onEvent: (message) => {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = adminEventSchema.safeParse(json);
      if (parsed.success) onEvent(parsed.data);
    },
  });
  // `stream: true` keeps a multi-byte character split across chunks intact.
  const decoder = new TextDecoder();
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    parser.feed(decoder.decode(value, { stream: true }));
  }
}

export interface FollowOptions {
  readonly url: string;
  readonly authorization: string;
  readonly fetch: FetchLike;
  readonly onEvent: (event: AdminEvent) => void;
  readonly sleep?: Sleep;
}

/**
 * `GET /api/events` read with fetch streaming (EventSource cannot send the Authorization header),
 * reconnecting with capped backoff until the returned stop function is called.
 */
export function followAdminEvents(options: FollowOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const sleep = options.sleep ?? abortableSleep;

  async function run(): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const response = await options.fetch(options.url, {
          method: 'GET',
          headers: { Accept: 'text/event-stream', Authorization: options.authorization },
          signal,
        });
        if (response.ok && response.body) {
          failures = 0;
          await readAdminEvents(response.body, options.onEvent);
        }
      } catch {
        // A dropped connection or an abort: the loop decides whether to retry.
      }
      if (signal.aborted) return;
      failures += 1;
      await sleep(reconnectDelay(failures), signal);
    }
  }

  void run();
  return () => controller.abort();
}
