import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import {
  FAKE_ACCOUNT_ID,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';
import { readTokens } from './stored-tokens.js';
import { createTestDeps, freePorts, testProvider, type TestDeps } from './test-deps.js';
import { TokenManager } from './token-manager.js';

let server: FakeOAuthServer;
let deps: TestDeps;
let manager: TokenManager;
let changes: Array<[string, OAuthStatus['kind']]>;

/** Signs in through the browser flow, then moves the clock to the token's expiry. */
async function signInThenExpire(): Promise<string> {
  const started = await manager.startBrowserSignIn('chatgpt');
  if (!started.ok) throw new Error(started.error.message);
  const done = await started.value.done;
  if (!done.ok) throw new Error(done.error.message);
  const first = await manager.accessToken('chatgpt');
  if (!first.ok) throw new Error(first.error.message);
  deps.advance(3600_000);
  return first.value.accessToken;
}

beforeEach(async () => {
  server = await startFakeOAuthServer({ refreshDelayMs: 20 });
  deps = createTestDeps(async (url) => {
    await fetch(url).then((r) => r.text());
  });
  changes = [];
  manager = new TokenManager(deps, [testProvider(server.url, await freePorts(2))], {
    onChange: (provider, status) => changes.push([provider, status.kind]),
  });
});
afterEach(() => server.close());

describe('TokenManager', () => {
  it('is signed out, and says so, before any sign-in', async () => {
    expect(await manager.status('chatgpt')).toEqual({ kind: 'signed-out' });
    const token = await manager.accessToken('chatgpt');
    expect(!token.ok && token.error.kind).toBe('not-signed-in');
  });

  it('refreshes exactly once for 50 concurrent requests at expiry', async () => {
    const old = await signInThenExpire();
    const grants = await Promise.all(
      Array.from({ length: 50 }, () => manager.accessToken('chatgpt')),
    );
    expect(server.refreshCount()).toBe(1);
    const tokens = new Set(grants.map((g) => (g.ok ? g.value.accessToken : g.error.kind)));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).not.toBe(old);
    expect(grants[0]?.ok && grants[0].value.accountId).toBe(FAKE_ACCOUNT_ID);
    expect(changes.map(([, kind]) => kind)).toEqual(['signed-in', 'signed-in']);
  });

  it('refreshes ahead of expiry, within the skew', async () => {
    await signInThenExpire();
    deps.advance(-4 * 60_000);
    expect((await manager.accessToken('chatgpt')).ok).toBe(true);
    expect(server.refreshCount()).toBe(1);
  });

  it('stores the rotated refresh token', async () => {
    await signInThenExpire();
    await manager.accessToken('chatgpt');
    const stored = await readTokens(deps.secrets, 'chatgpt');
    const refresh = stored.ok ? stored.value?.refreshToken : undefined;
    expect(server.liveRefreshTokens()).toEqual([refresh]);
    expect(stored.ok && stored.value?.lastRefresh).toBe(deps.clock.now());
    expect(stored.ok && stored.value?.accountId).toBe(FAKE_ACCOUNT_ID);
  });

  it('refreshes once on 401, however many requests saw the rejected token', async () => {
    const started = await manager.startBrowserSignIn('chatgpt');
    if (!started.ok) throw new Error(started.error.message);
    await started.value.done;
    const first = await manager.accessToken('chatgpt');
    if (!first.ok) throw new Error(first.error.message);
    const retries = await Promise.all(
      Array.from({ length: 10 }, () => manager.onUnauthorized('chatgpt', first.value.accessToken)),
    );
    const late = await manager.onUnauthorized('chatgpt', first.value.accessToken);
    expect(server.refreshCount()).toBe(1);
    const fresh = retries[0]?.ok ? retries[0].value.accessToken : undefined;
    expect(fresh).not.toBe(first.value.accessToken);
    expect(late.ok && late.value.accessToken).toBe(fresh);
  });

  it('marks the sign-in expired, visibly, when the refresh is refused', async () => {
    await signInThenExpire();
    server.set({ refuseRefresh: true });
    const token = await manager.accessToken('chatgpt');
    expect(!token.ok && token.error).toMatchObject({
      kind: 'refresh-failed',
      code: 'invalid_grant',
    });
    expect(await manager.status('chatgpt')).toEqual({ kind: 'expired', since: deps.clock.now() });
    expect(changes.at(-1)).toEqual(['chatgpt', 'expired']);
    const stored = await readTokens(deps.secrets, 'chatgpt');
    expect(stored.ok && stored.value?.revokedAt).toBe(deps.clock.now());
    expect(stored.ok && stored.value?.lastError).toContain('invalid_grant');
    // No retry storm: later requests fail fast without calling the server again.
    expect((await manager.accessToken('chatgpt')).ok).toBe(false);
    expect(server.refreshCount()).toBe(1);
    for (const secret of server.issued()) expect(JSON.stringify(token)).not.toContain(secret);
  });

  it('signs out: the tokens leave the store', async () => {
    await signInThenExpire();
    expect((await manager.signOut('chatgpt')).ok).toBe(true);
    expect(await deps.secrets.list()).toEqual({ ok: true, value: [] });
    expect(await manager.status('chatgpt')).toEqual({ kind: 'signed-out' });
    expect(changes.at(-1)).toEqual(['chatgpt', 'signed-out']);
  });
});
