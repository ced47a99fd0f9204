import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  anthropicError,
  hang,
  json,
  message,
  startFakeUpstream,
  stream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

const KEY_A = 'sk-test-FAKE-key-A-000000000000aaaa';
const KEY_B = 'sk-test-FAKE-key-B-000000000000bbbb';

let upstream: FakeUpstream;
let proxy: Harness;

async function setup(env: Record<string, string> = {}): Promise<Anthropic> {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    FAKE_API_KEY: KEY_A,
    FAKE_BASE_URL: upstream.url,
    FAKE_API_FORMAT: 'anthropic',
    VDM_DEFAULT_PROVIDER: 'fake',
    ...env,
  });
  return new Anthropic({ baseURL: proxy.url, apiKey: 'client', maxRetries: 0 });
}

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

const ask = {
  model: 'claude-x',
  max_tokens: 16,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('upstream faults', () => {
  it('ends a stream cut mid-way with an error event the SDK raises', async () => {
    const client = await setup();
    upstream.enqueue(stream(['a', 'b', 'c', 'd'], { resetAfter: 3 }));
    const s = client.messages.stream(ask);
    await expect(s.finalMessage()).rejects.toThrow(/fake/i);
    const [record] = proxy.app.activity.recent(1);
    expect(record?.errorKind).toBe('upstream-network');
  });

  it('ends a stream that goes silent past the idle timeout with a timeout error event', async () => {
    const client = await setup({ FAKE_STREAM_IDLE_TIMEOUT: '0.3' });
    upstream.enqueue(stream(['a', 'b'], { stallAfter: 3 }));
    const s = client.messages.stream(ask);
    const texts: string[] = [];
    s.on('text', (t) => texts.push(t));
    await expect(s.finalMessage()).rejects.toThrow(/0\.3 s|timeout|silent/i);
    expect(texts).toEqual(['a']);
    expect(proxy.app.activity.recent(1)[0]?.errorKind).toBe('upstream-timeout');
  });

  it('answers 504 timeout_error when the upstream is slower than the timeout', async () => {
    const client = await setup({ FAKE_TIMEOUT: '0.3', FAKE_MAX_RETRIES: '0' });
    upstream.enqueue(hang);
    const error = await client.messages.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(504);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      error: { type: 'timeout_error' },
    });
  });

  it('fails over to the next key after a 429 within the same request, and cools the first key down', async () => {
    const client = await setup({ FAKE_API_KEY: `${KEY_A} ${KEY_B}` });
    upstream.enqueue(
      anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '20' }),
      message,
    );
    const msg = await client.messages.create(ask);
    expect(msg.type).toBe('message');
    expect(upstream.requests.map((r) => r.headers['x-api-key'])).toEqual([KEY_A, KEY_B]);
    const health = proxy.app.keys.healthOf('fake' as never);
    expect(health.find((k) => k.hint === '…aaaa')?.status.kind).toBe('cooling-down');
    expect(health.find((k) => k.hint === '…bbbb')?.status.kind).toBe('healthy');
  });

  it('keeps a 401 a 401 (authentication_error) with a single key, and marks the key invalid', async () => {
    const client = await setup();
    upstream.enqueue(anthropicError(401, 'authentication_error', 'invalid x-api-key'));
    const error = (await client.messages.create(ask).catch((e: unknown) => e)) as InstanceType<
      typeof Anthropic.APIError
    >;
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect(proxy.app.keys.healthOf('fake' as never)[0]?.status.kind).toBe('invalid');
  });

  it('retries a 500 and returns the success that follows', async () => {
    const client = await setup();
    upstream.enqueue(anthropicError(500, 'api_error', 'boom'), message);
    const msg = await client.messages.create(ask);
    expect(msg.type).toBe('message');
    expect(upstream.requests).toHaveLength(2);
    expect(proxy.app.activity.recent(1)[0]?.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it('closes the upstream connection when the client aborts mid-stream', async () => {
    const client = await setup();
    upstream.enqueue(
      stream(
        Array.from({ length: 200 }, (_, i) => `t${i} `),
        { intervalMs: 20 },
      ),
    );
    const controller = new AbortController();
    const s = client.messages.stream(ask, { signal: controller.signal });
    s.on('error', () => undefined);
    s.on('abort', () => undefined);
    void s.done().catch(() => undefined);
    await new Promise<void>((resolve) => s.on('text', () => resolve()));
    controller.abort();
    await expect(upstream.requests[0]?.socketClosed).resolves.toBeUndefined();
    await expect.poll(() => proxy.app.activity.recent(1)[0]?.errorKind).toBe('client-aborted');
  });

  it('closes the upstream connection when the client gives up before the upstream answers', async () => {
    const client = await setup();
    upstream.enqueue(hang);
    const controller = new AbortController();
    const pending = client.messages
      .create(ask, { signal: controller.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => upstream.requests.length).toBe(1);
    controller.abort();
    await expect(pending).resolves.toBeInstanceOf(Anthropic.APIUserAbortError);
    await expect(upstream.requests[0]?.socketClosed).resolves.toBeUndefined();
    await expect.poll(() => proxy.app.activity.recent(1)[0]?.errorKind).toBe('client-aborted');
  });

  it('refuses bad JSON with a 400 invalid_request_error, before any upstream call', async () => {
    await setup();
    const res = await fetch(`${proxy.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: '{"model": "x", "messages": [',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { type: string; error: { type: string; message: string } };
    expect(body.type).toBe('error');
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/not valid JSON/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('refuses an unknown provider prefix, listing the configured providers', async () => {
    const client = await setup();
    const error = (await client.messages
      .create({ ...ask, model: 'nope:some-model' })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/nope/);
    expect(error.message).toMatch(/fake/);
    expect(upstream.requests).toHaveLength(0);
  });

  it('relays an upstream 400 as the same status and type', async () => {
    const client = await setup();
    upstream.enqueue(
      json(400, {
        type: 'error',
        error: { type: 'invalid_request_error', message: 'max_tokens: too large' },
      }),
    );
    const error = (await client.messages.create(ask).catch((e: unknown) => e)) as InstanceType<
      typeof Anthropic.APIError
    >;
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/max_tokens: too large/);
    expect(upstream.requests).toHaveLength(1);
  });
});
