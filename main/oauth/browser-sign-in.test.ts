import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_ACCOUNT_ID,
  FAKE_EMAIL,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';
import { buildAuthorizeUrl, startBrowserSignIn } from './browser-sign-in.js';
import { chatgptProvider } from './providers/chatgpt.js';
import { readTokens } from './stored-tokens.js';
import { createTestDeps, freePorts, occupy, release, testProvider } from './test-deps.js';

let server: FakeOAuthServer;
let ports: number[];

beforeEach(async () => {
  server = await startFakeOAuthServer();
  ports = await freePorts(2);
});
afterEach(() => server.close());

/** The test plays the browser: follow the authorize redirect to the loopback callback. */
const browser = async (url: string): Promise<void> => {
  await fetch(url, { redirect: 'follow' }).then((r) => r.text());
};

const noToken = (text: string): void => {
  for (const secret of server.issued()) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/(at|rt|ac|dc)-FAKE-/);
};

describe('startBrowserSignIn', () => {
  it('signs in end to end and stores the tokens in the SecretStore', async () => {
    const deps = createTestDeps(browser);
    const started = await startBrowserSignIn(testProvider(server.url, ports), deps);
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.redirectUri).toBe(`http://127.0.0.1:${ports[0]}/auth/callback`);
    const url = new URL(started.value.authorizeUrl);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('codex_cli_simplified_flow')).toBe('true');
    const done = await started.value.done;
    expect(done).toEqual({
      ok: true,
      value: {
        provider: 'chatgpt',
        account: FAKE_EMAIL,
        accountId: FAKE_ACCOUNT_ID,
        expiresAt: deps.clock.now() + 3600_000,
      },
    });
    noToken(JSON.stringify(done));
    const stored = await readTokens(deps.secrets, 'chatgpt');
    expect(stored.ok && stored.value?.accessToken).toMatch(/^at-FAKE-/);
    expect(await deps.secrets.list()).toEqual({ ok: true, value: ['oauth/chatgpt'] });
  });

  it('closes the callback listener after one request', async () => {
    const deps = createTestDeps(browser);
    const started = await startBrowserSignIn(testProvider(server.url, ports), deps);
    if (!started.ok) throw new Error(started.error.message);
    await started.value.done;
    await expect(fetch(started.value.redirectUri)).rejects.toThrow();
  });

  it('rejects a callback whose state does not match', async () => {
    server.set({ forceState: 'forged-state' });
    const deps = createTestDeps(browser);
    const started = await startBrowserSignIn(testProvider(server.url, ports), deps);
    if (!started.ok) throw new Error(started.error.message);
    const done = await started.value.done;
    expect(!done.ok && done.error.kind).toBe('state-mismatch');
    expect(await deps.secrets.list()).toEqual({ ok: true, value: [] });
  });

  it('reports a denial from the authorization server', async () => {
    server.set({ deny: true });
    const started = await startBrowserSignIn(
      testProvider(server.url, ports),
      createTestDeps(browser),
    );
    if (!started.ok) throw new Error(started.error.message);
    const done = await started.value.done;
    expect(!done.ok && done.error).toMatchObject({ kind: 'denied', code: 'access_denied' });
    expect(!done.ok && done.error.message).toContain('refused');
  });

  it('times out, and frees the port', async () => {
    const started = await startBrowserSignIn(testProvider(server.url, ports), createTestDeps(), {
      timeoutMs: 50,
    });
    if (!started.ok) throw new Error(started.error.message);
    const done = await started.value.done;
    expect(!done.ok && done.error.kind).toBe('timeout');
    await release(await occupy(ports[0] ?? 0));
  });

  it('is cancelled through its AbortSignal', async () => {
    const controller = new AbortController();
    const started = await startBrowserSignIn(testProvider(server.url, ports), createTestDeps(), {
      signal: controller.signal,
    });
    if (!started.ok) throw new Error(started.error.message);
    controller.abort();
    const done = await started.value.done;
    expect(!done.ok && done.error.kind).toBe('cancelled');
  });

  it('falls back to the second port when the first is taken', async () => {
    const blocker = await occupy(ports[0] ?? 0);
    try {
      const started = await startBrowserSignIn(
        testProvider(server.url, ports),
        createTestDeps(browser),
      );
      if (!started.ok) throw new Error(started.error.message);
      expect(started.value.redirectUri).toBe(`http://127.0.0.1:${ports[1]}/auth/callback`);
      expect((await started.value.done).ok).toBe(true);
    } finally {
      await release(blocker);
    }
  });

  it('says which ports are busy when none is free', async () => {
    const blockers = await Promise.all(ports.map(occupy));
    try {
      const started = await startBrowserSignIn(testProvider(server.url, ports), createTestDeps());
      expect(!started.ok && started.error).toMatchObject({ kind: 'ports-busy', ports });
      expect(!started.ok && started.error.message).toContain(String(ports[0]));
    } finally {
      await Promise.all(blockers.map(release));
    }
  });

  it('reports invalid_grant from the token endpoint without any token', async () => {
    // The browser brings back a code the server no longer knows (e.g. already used).
    const deps = createTestDeps(async (url) => {
      const res = await fetch(url, { redirect: 'manual' });
      const location = new URL(res.headers.get('location') ?? '');
      location.searchParams.set('code', 'ac-FAKE-unknown');
      await fetch(location);
    });
    const started = await startBrowserSignIn(testProvider(server.url, ports), deps);
    if (!started.ok) throw new Error(started.error.message);
    const done = await started.value.done;
    expect(!done.ok && done.error).toMatchObject({
      kind: 'token-endpoint',
      status: 400,
      code: 'invalid_grant',
    });
    noToken(JSON.stringify(done));
  });
});

describe('the ChatGPT preset', () => {
  it('builds the Codex CLI authorize URL on localhost:1455', () => {
    const url = new URL(
      buildAuthorizeUrl(chatgptProvider, 'http://localhost:1455/auth/callback', 'st', {
        verifier: 'v',
        challenge: 'c',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://auth.openai.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'app_EMoamEEZ73f0CkXaXp7hrann',
      redirect_uri: 'http://localhost:1455/auth/callback',
      scope: 'openid profile email offline_access',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      state: 'st',
      id_token_add_organizations: 'true',
      codex_cli_simplified_flow: 'true',
    });
    expect(chatgptProvider.redirect.ports).toEqual([1455, 1457]);
  });
});
