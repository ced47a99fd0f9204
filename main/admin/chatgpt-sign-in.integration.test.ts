import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenHealthView } from '../../shared/admin/views.js';
import { freePorts } from '../oauth/test-deps.js';
import {
  anthropicError,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import {
  FAKE_ACCOUNT_ID,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';
import { messageItem, responsesReply } from '../test-support/fake-responses.js';
import { startHeadlessHarness, type HeadlessHarness } from '../test-support/headless-harness.js';

let upstream: FakeUpstream | undefined;
let oauth: FakeOAuthServer | undefined;
let proxy: HeadlessHarness | undefined;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
  await oauth?.close();
});

/** `vdm serve` with the ChatGPT preset pointed at a fake Responses upstream and a fake issuer. */
async function setup(): Promise<{
  proxy: HeadlessHarness;
  upstream: FakeUpstream;
  oauth: FakeOAuthServer;
}> {
  upstream = await startFakeUpstream(
    responsesReply([messageItem('Hello from the fake ChatGPT backend.')]),
  );
  oauth = await startFakeOAuthServer();
  const [port] = await freePorts(1);
  proxy = await startHeadlessHarness({
    CHATGPT_API_KEY: '!OAUTH',
    CHATGPT_BASE_URL: upstream.url,
    VDM_DEFAULT_PROVIDER: 'chatgpt',
    VDM_TEST_OAUTH_ISSUER: oauth.url,
    VDM_TEST_OAUTH_PORTS: String(port),
  });
  return { proxy, upstream, oauth };
}

async function signIn(harness: HeadlessHarness): Promise<void> {
  const started = (await harness.call('oauth.signIn', { provider: 'chatgpt' })).body as {
    value: { authorizeUrl: string };
  };
  await fetch(started.value.authorizeUrl, { redirect: 'follow' }).then((r) => r.text());
  for (let i = 0; i < 100; i += 1) {
    const status = (await harness.call('oauth.status', {})).body as {
      value: { providers: TokenHealthView[] };
    };
    if (status.value.providers[0]?.status.kind === 'signed-in') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('sign-in did not finish');
}

const ask = {
  model: 'gpt-5-codex',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: 'hi' }],
};

describe('a ChatGPT (OAuth) provider through the proxy', () => {
  it('before sign-in: a 401 in Anthropic shape that says how to sign in', async () => {
    const { proxy } = await setup();
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    const failure = await client.messages.create(ask).catch((e: unknown) => e);
    expect(failure).toMatchObject({ status: 401 });
    expect(String((failure as Error).message)).toMatch(/vdm oauth login chatgpt|Sign in/i);
    expect(upstream?.requests).toHaveLength(0);
  });

  it('after signing in in the window: the request carries the token and account id to the Responses upstream', async () => {
    const { proxy, upstream, oauth } = await setup();
    await signIn(proxy);
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    const reply = await client.messages.create(ask);
    expect(reply.content[0]).toMatchObject({
      type: 'text',
      text: 'Hello from the fake ChatGPT backend.',
    });
    const sent = upstream.requests[0];
    expect(sent?.url).toBe('/responses');
    expect(sent?.headers['chatgpt-account-id']).toBe(FAKE_ACCOUNT_ID);
    const bearer = String(sent?.headers['authorization']).replace(/^Bearer /, '');
    expect(oauth.issued()).toContain(bearer);
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
      store: false,
      stream: true,
      model: 'gpt-5-codex',
    });
    expect(proxy.logs.join('')).not.toContain(bearer);
  });

  it('a 401 from the upstream triggers exactly one refresh, then the request succeeds with the new token', async () => {
    const { proxy, upstream, oauth } = await setup();
    await signIn(proxy);
    upstream.enqueue(anthropicError(401, 'authentication_error', 'token expired'));
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    const reply = await client.messages.create(ask);
    expect(reply.content[0]).toMatchObject({ type: 'text' });
    expect(oauth.refreshCount()).toBe(1);
    const [first, second] = upstream.requests;
    expect(first?.headers['authorization']).not.toBe(second?.headers['authorization']);
  });

  it('a refused refresh marks the provider expired, visibly, and requests say to sign in again', async () => {
    const { proxy, upstream, oauth } = await setup();
    await signIn(proxy);
    oauth.set({ refuseRefresh: true });
    upstream.enqueue(anthropicError(401, 'authentication_error', 'token revoked'));
    const client = new Anthropic({ baseURL: proxy.headless.url, apiKey: 'client', maxRetries: 0 });
    await expect(client.messages.create(ask)).rejects.toMatchObject({ status: 401 });
    let kind = '';
    for (let i = 0; i < 50 && kind !== 'expired'; i += 1) {
      const status = (await proxy.call('oauth.status', {})).body as {
        value: { providers: TokenHealthView[] };
      };
      kind = status.value.providers[0]?.status.kind ?? '';
      if (kind !== 'expired') await new Promise((r) => setTimeout(r, 20));
    }
    expect(kind).toBe('expired');
  });
});
