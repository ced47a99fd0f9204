import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  ActivityView,
  KeyView,
  ProviderView,
  TokenHealthView,
} from '../../shared/admin/views.js';
import { freePorts } from '../oauth/test-deps.js';
import {
  FAKE_EMAIL,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';
import {
  anthropicError,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import {
  startHeadlessHarness,
  TEST_ADMIN_TOKEN,
  type HeadlessHarness,
} from '../test-support/headless-harness.js';

const KEY_A = 'sk-test-FAKE-admin-key-A-0000aaaa';
const KEY_B = 'sk-test-FAKE-admin-key-B-0000bbbb';

let upstream: FakeUpstream;
let proxy: HeadlessHarness;

let oauth: FakeOAuthServer | undefined;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
  await oauth?.close();
  oauth = undefined;
});

type Ok<T> = { ok: true; value: T };
type Failed = { ok: false; error: { kind: string; message: string; fix: string } };

async function value<T>(operation: string, input: unknown = {}): Promise<T> {
  const answer = await proxy.call(operation, input);
  const body = answer.body as Ok<T> | Failed;
  if (!body.ok) throw new Error(`${operation}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function failure(operation: string, input: unknown, headers?: Record<string, string>) {
  const answer = await proxy.call(operation, input, headers);
  const body = answer.body as Failed;
  expect(body.ok).toBe(false);
  return { status: answer.status, error: body.error };
}

async function setup(env: Record<string, string> = {}, prepare?: (dir: string) => void) {
  upstream = await startFakeUpstream();
  proxy = await startHeadlessHarness(env, prepare);
}

const fakeProvider = () => ({
  name: 'fake',
  apiFormat: 'anthropic',
  baseUrl: upstream.url,
  keys: [KEY_A, KEY_B],
});

async function provider(name: string): Promise<ProviderView> {
  const list = await value<{ providers: ProviderView[] }>('providers.list');
  const found = list.providers.find((p) => p.name === name);
  if (!found) throw new Error(`no provider ${name}`);
  return found;
}

describe('admin API over HTTP, against the real proxy', () => {
  it('adds a provider with two keys, an alias, and routes a real SDK request through them', async () => {
    await setup();
    const added = await value<ProviderView>('providers.add', fakeProvider());
    expect(added).toMatchObject({
      name: 'fake',
      apiFormat: 'anthropic',
      status: { kind: 'ready' },
    });
    expect(added.keys.map((k) => k.hint)).toEqual(['…aaaa', '…bbbb']);
    expect(added.keys.every((k) => k.removable && k.source.layer === 'app')).toBe(true);
    expect(added.isDefault).toBe(true);

    await value('aliases.set', { provider: 'fake', name: 'haiku', target: 'claude-haiku-x' });
    const trace = await value<{ ok: boolean; provider: string; model: string }>('aliases.resolve', {
      model: 'claude-haiku-4-5-20251001',
    });
    expect(trace).toMatchObject({ ok: true, provider: 'fake', model: 'claude-haiku-x' });

    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    const reply = await client.messages.create({
      model: 'claude-haiku-4-5-20251001',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(reply.content[0]).toMatchObject({ type: 'text' });
    expect(JSON.parse(upstream.requests[0]?.body ?? '{}')).toMatchObject({
      model: 'claude-haiku-x',
    });
    expect([KEY_A, KEY_B]).toContain(upstream.requests[0]?.headers['x-api-key']);

    const { records } = await value<{ records: ActivityView[] }>('activity.recent', {});
    expect(records[0]).toMatchObject({
      requestedModel: 'claude-haiku-4-5-20251001',
      provider: 'fake',
      model: 'claude-haiku-x',
      status: 200,
      tokens: { input: 12, output: 7 },
    });
    expect(records[0]?.keyHint).toMatch(/^…(aaaa|bbbb)$/);
  });

  it('shows a cooling-down key after a 429, and "retry now" heals it', async () => {
    await setup();
    await value('providers.add', fakeProvider());
    upstream.enqueue(anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '60' }));
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    await client.messages.create({
      model: 'm',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const list = await value<{ providers: ProviderView[]; now: number }>('providers.list');
    const keys = list.providers[0]?.keys ?? [];
    const cooling = keys.find((k) => k.status.kind === 'cooling-down');
    expect(cooling?.status).toMatchObject({ kind: 'cooling-down' });
    const until = (cooling?.status as { until: number }).until;
    expect(until - list.now).toBeGreaterThan(55_000);
    expect(until - list.now).toBeLessThanOrEqual(60_000);

    const reset = await value<{ keys: KeyView[] }>('keys.resetHealth', {
      provider: 'fake',
      hash: cooling?.hash,
    });
    expect(reset.keys.every((k) => k.status.kind === 'healthy')).toBe(true);
  });

  it('removes a key by hash and keeps the other; keys are never in answers, logs or settings.json', async () => {
    await setup();
    const added = await value<ProviderView>('providers.add', fakeProvider());
    const first = added.keys[0];
    const after = await value<{ keys: KeyView[] }>('keys.remove', {
      provider: 'fake',
      hash: first?.hash,
    });
    expect(after.keys.map((k) => k.hint)).toEqual(['…bbbb']);
    const everything = [
      (await proxy.call('providers.list', {})).text,
      (await proxy.call('settings.get', {})).text,
      (await proxy.call('app.status', {})).text,
      readFileSync(join(proxy.dir, 'data', 'settings.json'), 'utf8'),
      proxy.logs.join(''),
    ].join('\n');
    expect(everything).not.toContain(KEY_A);
    expect(everything).not.toContain(KEY_B);
    expect(everything).not.toContain('FAKE-admin-key');
  });

  it('applies edits to the running proxy at once and refuses fields owned by the environment', async () => {
    await setup({
      ENVY_API_KEY: 'sk-test-FAKE-env-key-000000000001',
      ENVY_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    const envy = await provider('envy');
    expect(envy.readOnlyFields).toContain('base-url');
    expect(envy.keysEditable).toBe(false);
    const refused = await failure(
      'providers.edit',
      { name: 'envy', baseUrl: 'http://127.0.0.1:8/v1' },
      undefined,
    );
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({ kind: 'read-only' });
    expect(refused.error.message).toContain('ENVY_BASE_URL');
    const keys = await failure('keys.add', {
      provider: 'envy',
      keys: ['sk-test-FAKE-another-0000000002'],
    });
    expect(keys.error.message).toContain('ENVY_API_KEY');

    await value('providers.add', {
      name: 'fake',
      apiFormat: 'anthropic',
      baseUrl: 'http://127.0.0.1:9',
      keys: [KEY_A],
    });
    await value('providers.edit', { name: 'fake', baseUrl: upstream.url });
    await value('defaultProvider.set', { name: 'fake' });
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    await client.messages.create({
      model: 'm',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it('refuses a sentinel typed as a key, saying where auth modes are set', async () => {
    await setup();
    await value('providers.add', fakeProvider());
    const refused = await failure('keys.add', { provider: 'fake', keys: ['!PASSTHRU'] });
    expect(refused.status).toBe(400);
    expect(refused.error.message).toContain('auth mode');
    expect((await provider('fake')).keys).toHaveLength(2);
  });

  it('answers bad input in its own shape, with the field and the fix', async () => {
    await setup();
    const bad = await failure('providers.add', { name: 'has:colon', baseUrl: 'not a url' });
    expect(bad.status).toBe(400);
    expect(bad.error.kind).toBe('invalid-input');
    expect(bad.error.message).toMatch(/name/);
    expect(bad.error.message).toMatch(/baseUrl/);
    const unknown = await failure('providers.explode', {});
    expect(unknown.status).toBe(404);
    expect(unknown.error.fix).toContain('providers.list');
  });

  it('refuses requests without the admin token, from another origin, or for a foreign Host', async () => {
    await setup();
    const missing = await failure('providers.list', {}, { 'content-type': 'application/json' });
    expect(missing.status).toBe(401);
    expect(missing.error.fix).toContain('vdm serve');
    const wrong = await failure(
      'providers.list',
      {},
      {
        'content-type': 'application/json',
        authorization: 'Bearer not-the-token',
      },
    );
    expect(wrong.status).toBe(401);
    const foreign = await failure(
      'providers.list',
      {},
      {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        origin: 'http://evil.example',
      },
    );
    expect(foreign.status).toBe(403);

    // fetch may not set Host; undici's request can, as a rebinding page's request would arrive.
    const rebinding = await request(`${proxy.headless.url}/api/providers.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, host: 'attacker.example' },
      body: '{}',
    });
    expect(rebinding.statusCode).toBe(403);
    await rebinding.body.text();

    const preflight = await fetch(`${proxy.headless.url}/api/providers.list`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('pushes each finished request to /api/events', async () => {
    await setup();
    await value('providers.add', fakeProvider());
    const controller = new AbortController();
    const response = await fetch(`${proxy.headless.url}/api/events`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const body = response.body;
    if (!body) throw new Error('no event stream');
    const reader = body.getReader();
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    await client.messages.create({
      model: 'pushed',
      max_tokens: 8,
      messages: [{ role: 'user', content: 'hi' }],
    });
    let text = '';
    while (!text.includes('"kind":"activity"')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    controller.abort();
    const line = text.split('\n').find((l) => l.includes('"kind":"activity"')) ?? '';
    expect(JSON.parse(line.slice('data: '.length))).toMatchObject({
      kind: 'activity',
      record: { requestedModel: 'pushed', provider: 'fake' },
    });
  });

  it('ends open event streams when the server stops, instead of waiting out the drain time', async () => {
    await setup();
    const response = await fetch(`${proxy.headless.url}/api/events`, {
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    });
    const body = response.body;
    if (!body) throw new Error('no event stream');
    const reader = body.getReader();
    await reader.read();
    // The default drain is 10 s; the test's own 5 s limit fails if the stream holds the server.
    await proxy.headless.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  }, 5_000);

  it('tests a connection through the proxy and reports latency and the answer', async () => {
    await setup();
    await value('providers.add', fakeProvider());
    const test = await value<{ ok: boolean; latencyMs: number; answer: string; status: number }>(
      'providers.test',
      { name: 'fake', model: 'claude-x' },
    );
    expect(test).toMatchObject({ ok: true, status: 200, answer: 'Hello from the fake upstream.' });
    expect(test.latencyMs).toBeGreaterThanOrEqual(0);
    upstream.enqueue(anthropicError(401, 'authentication_error', 'invalid x-api-key'));
    upstream.enqueue(anthropicError(401, 'authentication_error', 'invalid x-api-key'));
    const failed = await value<{ ok: boolean; answer: string; status: number }>('providers.test', {
      name: 'fake',
      model: 'claude-x',
    });
    expect(failed.ok).toBe(false);
    expect(failed.status).toBe(401);
    expect(failed.answer).toContain('invalid x-api-key');
  });

  it('starts from defaults when settings.json is corrupt, keeps it aside, and says so', async () => {
    await setup({}, (dir) => {
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'data', 'settings.json'), '{ "config": { "fake": ');
    });
    const status = await value<{ notices: string[]; state: string }>('app.status');
    expect(status.state).toBe('running');
    expect(status.notices.join('\n')).toMatch(
      /settings\.json were not valid .* moved aside to .*settings\.json\.corrupt-/,
    );
    const aside = readdirSync(join(proxy.dir, 'data')).find((n) =>
      n.startsWith('settings.json.corrupt-'),
    );
    expect(readFileSync(join(proxy.dir, 'data', aside ?? 'missing'), 'utf8')).toBe(
      '{ "config": { "fake": ',
    );
    await value('providers.add', fakeProvider());
    expect((await provider('fake')).status.kind).toBe('ready');
  });

  it('signs in to an OAuth provider from the admin API: browser flow, lock badge, sign out', async () => {
    oauth = await startFakeOAuthServer();
    const [port] = await freePorts(1);
    await setup({
      CHATGPT_API_KEY: '!OAUTH',
      VDM_TEST_OAUTH_ISSUER: oauth.url,
      VDM_TEST_OAUTH_PORTS: String(port),
    });
    expect((await provider('chatgpt')).oauth).toEqual({ kind: 'signed-out' });
    const before = await value<{ providers: TokenHealthView[]; termsNotice: string }>(
      'oauth.status',
    );
    expect(before.providers).toMatchObject([{ name: 'chatgpt', status: { kind: 'signed-out' } }]);
    expect(before.termsNotice).toMatch(/terms/);

    const started = await value<{ kind: string; authorizeUrl: string; browserOpened: boolean }>(
      'oauth.signIn',
      { provider: 'chatgpt' },
    );
    expect(started).toMatchObject({ kind: 'browser', browserOpened: false });
    expect(new URL(started.authorizeUrl).origin).toBe(oauth.url);
    const pending = await value<{ providers: TokenHealthView[] }>('oauth.status');
    expect(pending.providers[0]?.pending).toMatchObject({ kind: 'browser' });

    // The test plays the browser: the fake server redirects to our loopback callback.
    await fetch(started.authorizeUrl, { redirect: 'follow' }).then((r) => r.text());
    let health: TokenHealthView | undefined;
    for (let i = 0; i < 50 && health?.status.kind !== 'signed-in'; i += 1) {
      health = (await value<{ providers: TokenHealthView[] }>('oauth.status')).providers[0];
      if (health?.status.kind !== 'signed-in') await new Promise((r) => setTimeout(r, 20));
    }
    expect(health).toMatchObject({
      status: { kind: 'signed-in', account: FAKE_EMAIL },
      account: FAKE_EMAIL,
      pending: null,
    });
    expect((await provider('chatgpt')).oauth).toMatchObject({ kind: 'signed-in' });
    const listing =
      (await proxy.call('providers.list', {})).text + (await proxy.call('oauth.status', {})).text;
    for (const token of oauth.issued()) expect(listing).not.toContain(token);

    await value('oauth.signOut', { provider: 'chatgpt' });
    expect((await provider('chatgpt')).oauth).toEqual({ kind: 'signed-out' });
  });

  it('refuses sign-in for a provider that does not use OAuth, saying how to switch', async () => {
    await setup();
    await value('providers.add', fakeProvider());
    const refused = await failure('oauth.signIn', { provider: 'fake' });
    expect(refused.error.message).toContain('auth mode is api_key');
  });

  it('saves settings: host and client token (as a hint only), with restart required for the host', async () => {
    await setup();
    const saved = await value<{
      host: { value: string };
      restartRequired: boolean;
      clientToken: { set: boolean; hint: string };
    }>('settings.set', { host: 'localhost', clientToken: 'client-token-FAKE-000000001' });
    expect(saved.host.value).toBe('localhost');
    expect(saved.restartRequired).toBe(true);
    expect(saved.clientToken).toMatchObject({ set: true, hint: '…0001' });
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'wrong', maxRetries: 0 });
    await expect(client.models.list()).rejects.toMatchObject({ status: 401 });
  });
});
