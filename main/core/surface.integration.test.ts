import Anthropic from '@anthropic-ai/sdk';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  anthropicError,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

const KEY = 'sk-test-FAKE-surface-key-00000000wxyz';
const PROXY_KEY = 'proxy-secret-FAKE-000000000000';

let upstream: FakeUpstream | undefined;
let proxy: Harness | undefined;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
  proxy = undefined;
  upstream = undefined;
});

async function withUpstream(env: Record<string, string> = {}): Promise<Harness> {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    FAKE_API_KEY: KEY,
    FAKE_BASE_URL: upstream.url,
    FAKE_API_FORMAT: 'anthropic',
    ...env,
  });
  return proxy;
}

const ask = {
  model: 'claude-x',
  max_tokens: 16,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('guards', () => {
  it('enforces PROXY_API_KEY via x-api-key or Bearer', async () => {
    const p = await withUpstream({ PROXY_API_KEY: PROXY_KEY });
    const wrong = new Anthropic({ baseURL: p.url, apiKey: 'wrong', maxRetries: 0 });
    const error = (await wrong.messages.create(ask).catch((e: unknown) => e)) as InstanceType<
      typeof Anthropic.APIError
    >;
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ error: { type: 'authentication_error' } });
    const right = new Anthropic({ baseURL: p.url, apiKey: PROXY_KEY, maxRetries: 0 });
    await expect(right.messages.create(ask)).resolves.toMatchObject({ type: 'message' });
    const bearer = new Anthropic({
      baseURL: p.url,
      authToken: PROXY_KEY,
      apiKey: null,
      maxRetries: 0,
    });
    await expect(bearer.messages.create(ask)).resolves.toMatchObject({ type: 'message' });
    expect(upstream?.requests.every((r) => r.headers['x-api-key'] === KEY)).toBe(true);
  });

  it('refuses a Host that is not our address (DNS rebinding)', async () => {
    const p = await withUpstream();
    const res = await request(`${p.url}/v1/messages`, {
      method: 'POST',
      headers: { host: 'evil.example:8082', 'content-type': 'application/json' },
      body: JSON.stringify(ask),
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['x-request-id']).toMatch(/^req_vdm_/);
    const body = (await res.body.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('permission_error');
    expect(body.error.message).toMatch(/evil\.example/);
    const health = await request(`${p.url}/health`, { headers: { host: 'rebind.attacker.test' } });
    expect(health.statusCode).toBe(403);
    await health.body.dump();
    expect(upstream?.requests).toHaveLength(0);
  });

  it('answers 413 request_too_large past the body limit', async () => {
    const p = await withUpstream({ VDM_MAX_BODY_SIZE: '1kb' });
    const res = await fetch(`${p.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...ask, messages: [{ role: 'user', content: 'x'.repeat(5000) }] }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe(
      'request_too_large',
    );
  });
});

describe('no provider configured', () => {
  it('starts anyway and tells the client how to add one', async () => {
    proxy = await startProxy({});
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'x', maxRetries: 0 });
    const error = (await client.messages.create(ask).catch((e: unknown) => e)) as InstanceType<
      typeof Anthropic.APIError
    >;
    expect(error.status).toBe(400);
    expect(error.error).toMatchObject({ error: { type: 'invalid_request_error' } });
    expect(error.message).toMatch(/OPENAI_API_KEY|_API_KEY/);
    const health = (await (await fetch(`${proxy.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('no-providers');
  });
});

describe('Responses-format providers', () => {
  it('are reached from /v1/messages at {base}/responses (translation tests: openai-responses/)', async () => {
    proxy = await startProxy({
      RESP_API_KEY: 'sk-test-FAKE-resp-00000000000000000',
      RESP_BASE_URL: 'http://127.0.0.1:9/v1',
      RESP_API_FORMAT: 'responses',
      RESP_MAX_RETRIES: '0',
    });
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'x', maxRetries: 0 });
    const error = (await client.messages
      .create({ ...ask, model: 'resp:gpt-x' })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    // Nothing listens on port 9: a translated request went out instead of a "not yet" refusal.
    expect(error.status).toBe(502);
    expect(error.message).not.toMatch(/Responses API/);
  });
});

describe('health, metrics, models', () => {
  it('reports providers and key health without secrets', async () => {
    const p = await withUpstream({
      FAKE_API_KEY: `${KEY} sk-test-FAKE-surface-key-00000000abcd`,
      FAKE_ALIAS_SONNET: 'claude-up',
    });
    const client = new Anthropic({ baseURL: p.url, apiKey: 'x', maxRetries: 0 });
    upstream?.enqueue(anthropicError(429, 'rate_limit_error', 'slow', { 'retry-after': '30' }));
    await client.messages.create(ask);
    const healthRes = await fetch(`${p.url}/health`);
    expect(healthRes.headers.get('x-request-id')).toMatch(/^req_vdm_/);
    const text = await healthRes.text();
    expect(text).not.toContain(KEY);
    const health = JSON.parse(text) as {
      status: string;
      version: string;
      providers: { name: string; keys: { hint: string; status: { kind: string } }[] }[];
    };
    expect(health.status).toBe('ok');
    expect(health.version).toMatch(/^\d+\.\d+\.\d+/);
    const fake = health.providers.find((x) => x.name === 'fake');
    expect(fake?.keys.map((k) => [k.hint, k.status.kind])).toEqual([
      ['…wxyz', 'cooling-down'],
      ['…abcd', 'healthy'],
    ]);
  });

  it('exposes Prometheus metrics per provider and model', async () => {
    const p = await withUpstream();
    const client = new Anthropic({ baseURL: p.url, apiKey: 'x', maxRetries: 0 });
    await client.messages.create({ ...ask, model: 'fake:claude-metrics' });
    const text = await (await fetch(`${p.url}/metrics`)).text();
    expect(text).toMatch(
      /vdm_requests_total\{provider="fake",model="claude-metrics",endpoint="\/v1\/messages",status="200"\} 1/,
    );
    expect(text).toMatch(
      /vdm_tokens_total\{provider="fake",model="claude-metrics",kind="input"\} 12/,
    );
    expect(text).toMatch(/vdm_request_duration_seconds_bucket/);
  });

  it('lists aliases in the Anthropic shape for Anthropic clients and the OpenAI shape otherwise', async () => {
    const p = await withUpstream({ VDM_DEFAULT_PROVIDER: 'fake', FAKE_ALIAS_SONNET: 'claude-up' });
    const client = new Anthropic({ baseURL: p.url, apiKey: 'x', maxRetries: 0 });
    const page = await client.models.list();
    expect(page.data.map((m) => m.id)).toEqual(['fake:sonnet', 'sonnet']);
    const openaiShape = (await (await fetch(`${p.url}/v1/models`)).json()) as {
      object: string;
      data: { id: string }[];
    };
    expect(openaiShape.object).toBe('list');
    expect(openaiShape.data.map((m) => m.id)).toContain('sonnet');
  });
});

describe('logs', () => {
  it('never contain a key, even when requests used and failed with them', async () => {
    const p = await withUpstream({ PROXY_API_KEY: PROXY_KEY });
    const client = new Anthropic({ baseURL: p.url, apiKey: PROXY_KEY, maxRetries: 0 });
    upstream?.enqueue(anthropicError(401, 'authentication_error', `invalid x-api-key ${KEY}`));
    await client.messages.create(ask).catch(() => undefined);
    await client.messages.create(ask).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    const all = p.logs.join('');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(KEY);
    expect(all).not.toContain(KEY.slice(0, 20));
    expect(all).not.toContain(PROXY_KEY);
  });
});
