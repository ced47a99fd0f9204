import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchLiveHealth } from './providers-live-health.js';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(status: number, body: string | undefined): Promise<string> {
  server = createServer((_req, res) => {
    if (body === undefined) return; // never answers
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/health`;
}

const health = {
  status: 'ok',
  providers: [
    {
      name: 'fake',
      status: 'ready',
      keys: [
        {
          hint: '…1234',
          hash: '1a2b3c4d',
          status: { kind: 'cooling-down', until: 5, failures: 1 },
          requests: 3,
          failures: 1,
        },
      ],
    },
  ],
};

describe('fetchLiveHealth', () => {
  it('reads key health from a running proxy', async () => {
    const url = await serve(200, JSON.stringify(health));
    expect(await fetchLiveHealth(url, 300, () => 42)).toEqual({
      kind: 'running',
      url,
      checkedAt: 42,
      providers: [
        {
          name: 'fake',
          keys: [
            {
              hint: '…1234',
              hash: '1a2b3c4d',
              status: { kind: 'cooling-down', until: 5, failures: 1 },
            },
          ],
        },
      ],
    });
  });

  it('says when something else answers', async () => {
    expect(await fetchLiveHealth(await serve(404, 'nope'), 300, () => 0)).toMatchObject({
      kind: 'unreadable',
      reason: 'HTTP 404',
    });
    await new Promise((resolve) => server?.close(resolve));
    expect(await fetchLiveHealth(await serve(200, '{"x":1}'), 300, () => 0)).toMatchObject({
      kind: 'unreadable',
    });
  });

  it('gives up quickly when nothing listens or nothing answers', async () => {
    const url = await serve(200, undefined);
    const started = Date.now();
    expect(await fetchLiveHealth(url, 300, () => 0)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await fetchLiveHealth('http://127.0.0.1:1/health', 300, () => 0)).toBeUndefined();
  });
});
