import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeUpstream, stream, type FakeUpstream } from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

const UPSTREAM_KEY = 'sk-test-FAKE-upstream-key-000000000001';

let upstream: FakeUpstream;
let proxy: Harness;
let client: Anthropic;

beforeEach(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    FAKE_API_KEY: UPSTREAM_KEY,
    FAKE_BASE_URL: upstream.url,
    FAKE_API_FORMAT: 'anthropic',
    FAKE_ALIAS_HAIKU: 'claude-haiku-upstream',
    VDM_DEFAULT_PROVIDER: 'fake',
  });
  client = new Anthropic({ baseURL: proxy.url, apiKey: 'client-own-key', maxRetries: 0 });
});

afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

describe('Anthropic passthrough', () => {
  it('answers a non-streaming request with the upstream message, usage included', async () => {
    const msg = await client.messages.create({
      model: 'fake:claude-sonnet-x',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(msg.content[0]).toEqual({ type: 'text', text: 'Hello from the fake upstream.' });
    expect(msg.usage.input_tokens).toBe(12);
    expect(upstream.requests[0]?.url).toBe('/v1/messages');
    expect(JSON.parse(upstream.requests[0]?.body ?? '{}').model).toBe('claude-sonnet-x');
  });

  it('replaces only the model: every other byte of the body reaches the upstream unchanged', async () => {
    const raw =
      '{"max_tokens": 10,\n "model":"claude-haiku-4-5-20251001", "messages":[{"role":"user","content":[{"type":"text","text":"é ✓","cache_control":{"type":"ephemeral"}}]}],"future_field":{"x":[1,2]}}';
    const res = await fetch(`${proxy.url}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        'x-api-key': 'k',
      },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(upstream.requests[0]?.body).toBe(
      raw.replace('"claude-haiku-4-5-20251001"', '"claude-haiku-upstream"'),
    );
  });

  it('streams events as they arrive and the SDK assembles the final message', async () => {
    upstream.enqueue(stream(['Hel', 'lo', ' world'], { intervalMs: 5 }));
    const s = client.messages.stream({
      model: 'claude-x',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const deltas: string[] = [];
    s.on('text', (t) => deltas.push(t));
    const final = await s.finalMessage();
    expect(deltas).toEqual(['Hel', 'lo', ' world']);
    expect(final.content).toMatchObject([{ type: 'text', text: 'Hello world' }]);
    expect(final.usage.output_tokens).toBe(4);
  });

  it('counts tokens at the upstream', async () => {
    upstream.enqueue((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"input_tokens":42}');
    });
    const count = await client.messages.countTokens({
      model: 'claude-x',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(count.input_tokens).toBe(42);
    expect(upstream.requests[0]?.url).toBe('/v1/messages/count_tokens');
  });

  it('forwards anthropic-version, anthropic-beta and ?beta=true, with the provider key instead of the client key', async () => {
    // As Claude Code sends it (../shared/fixtures/claude-code-request.json).
    const res = await fetch(`${proxy.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        'anthropic-beta': 'context-management-2025-06-27,interleaved-thinking-2025-05-14',
        'x-api-key': 'client-own-key',
        authorization: 'Bearer client-own-token',
      },
      body: JSON.stringify({
        model: 'claude-x',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(res.status).toBe(200);
    const seen = upstream.requests[0];
    expect(seen?.url).toBe('/v1/messages?beta=true');
    expect(seen?.headers['anthropic-version']).toBe('2023-06-01');
    expect(seen?.headers['anthropic-beta']).toBe(
      'context-management-2025-06-27,interleaved-thinking-2025-05-14',
    );
    expect(seen?.headers['x-api-key']).toBe(UPSTREAM_KEY);
    expect(seen?.headers['authorization']).toBeUndefined();
  });

  it('resolves aliases case-insensitively by substring (haiku) before forwarding', async () => {
    await client.messages.create({
      model: 'claude-HAIKU-4-5',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(JSON.parse(upstream.requests[0]?.body ?? '{}').model).toBe('claude-haiku-upstream');
  });

  it('puts a request id on every response and records the request in activity', async () => {
    const { response } = await client.messages
      .create({ model: 'claude-x', max_tokens: 8, messages: [{ role: 'user', content: 'x' }] })
      .withResponse();
    expect(response.headers.get('x-request-id')).toMatch(/^req_vdm_/);
    const [record] = proxy.app.activity.recent(1);
    expect(record).toMatchObject({
      requestedModel: 'claude-x',
      provider: 'fake',
      model: 'claude-x',
      status: 200,
    });
    expect(record?.tokens).toEqual({ input: 12, output: 7, cacheRead: 3, cacheCreation: 0 });
  });
});

describe('!PASSTHRU', () => {
  it("sends the client's own key upstream", async () => {
    await proxy.close();
    proxy = await startProxy({
      FAKE_API_KEY: '!PASSTHRU',
      FAKE_BASE_URL: upstream.url,
      FAKE_API_FORMAT: 'anthropic',
    });
    client = new Anthropic({ baseURL: proxy.url, apiKey: 'sk-client-own-FAKE-key', maxRetries: 0 });
    await client.messages.create({
      model: 'claude-x',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'x' }],
    });
    const seen = upstream.requests[0]?.headers;
    // The SDK sends its key as x-api-key or Authorization: Bearer depending on version: either is forwarded.
    expect(seen?.['x-api-key'] ?? seen?.['authorization']).toMatch(/sk-client-own-FAKE-key$/);
  });
});
