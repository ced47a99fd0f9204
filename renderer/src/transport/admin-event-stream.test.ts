import { describe, expect, it } from 'vitest';
import type { AdminEvent } from '../../../shared/admin/contract.js';
import { followAdminEvents, readAdminEvents, reconnectDelay } from './admin-event-stream.js';
import type { FetchLike } from './fetch-like.js';

function streamOf(chunks: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const changed = (what: string) => `data: {"kind":"changed","what":"${what}"}\n\n`;

describe('readAdminEvents', () => {
  it('delivers each event even when a chunk ends in the middle of one', async () => {
    const events: AdminEvent[] = [];
    const whole = changed('keys') + changed('config');
    await readAdminEvents(
      streamOf([whole.slice(0, 17), whole.slice(17, 50), whole.slice(50)]),
      (e) => events.push(e),
    );
    expect(events).toEqual([
      { kind: 'changed', what: 'keys' },
      { kind: 'changed', what: 'config' },
    ]);
  });

  it('skips comments, broken JSON and unknown event kinds', async () => {
    const events: AdminEvent[] = [];
    await readAdminEvents(
      streamOf([': ping\n\n', 'data: {oops\n\n', 'data: {"kind":"future"}\n\n', changed('oauth')]),
      (e) => events.push(e),
    );
    expect(events).toEqual([{ kind: 'changed', what: 'oauth' }]);
  });
});

describe('followAdminEvents', () => {
  it('reconnects after a failure, with the token, and stops when unsubscribed', async () => {
    const calls: RequestInit[] = [];
    const delays: number[] = [];
    const events: AdminEvent[] = [];
    let stop = (): void => undefined;
    const fetch: FetchLike = async (_url, init) => {
      calls.push(init);
      if (calls.length === 1) throw new TypeError('Failed to fetch');
      if (calls.length === 2) return new Response(streamOf([changed('status')]));
      stop();
      throw new DOMException('aborted', 'AbortError');
    };
    await new Promise<void>((resolve) => {
      stop = followAdminEvents({
        url: '/api/events',
        authorization: 'Bearer t',
        fetch,
        onEvent: (e) => events.push(e),
        sleep: async (ms, signal) => {
          delays.push(ms);
          if (signal.aborted) resolve();
        },
      });
      setTimeout(resolve, 200);
    });
    expect(events).toEqual([{ kind: 'changed', what: 'status' }]);
    expect(calls).toHaveLength(3);
    expect(new Headers(calls[0]?.headers).get('authorization')).toBe('Bearer t');
    expect(delays).toEqual([1000, 1000]);
  });

  it('backs off up to 30 seconds between attempts', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 10].map(reconnectDelay)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});
