import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_ACCOUNT_ID,
  FAKE_USER_CODE,
  startFakeOAuthServer,
  type FakeOAuthServer,
} from '../test-support/fake-oauth-server.js';
import { startDeviceSignIn } from './device-sign-in.js';
import { chatgptProvider } from './providers/chatgpt.js';
import { readTokens } from './stored-tokens.js';
import { createTestDeps, testProvider } from './test-deps.js';

let server: FakeOAuthServer;
beforeEach(async () => {
  server = await startFakeOAuthServer();
});
afterEach(() => server.close());

const start = async (deps = createTestDeps(), signal?: AbortSignal) => {
  const started = await startDeviceSignIn(
    testProvider(server.url, [0]),
    deps,
    signal ? { signal } : {},
  );
  if (!started.ok) throw new Error(started.error.message);
  return started.value;
};

describe('startDeviceSignIn (RFC 8628)', () => {
  it('polls through pending and slow_down (interval + 5 s) to tokens', async () => {
    server.set({
      devicePolls: ['authorization_pending', 'slow_down', 'authorization_pending', 'tokens'],
    });
    const deps = createTestDeps();
    const t0 = deps.clock.now();
    const started = await start(deps);
    expect(started.userCode).toBe(FAKE_USER_CODE);
    expect(started.verificationUri).toBe(`${server.url}/device`);
    expect(started.verificationUriComplete).toContain(FAKE_USER_CODE);
    expect(started.expiresAt).toBe(t0 + 1800_000);
    const done = await started.done;
    expect(done.ok).toBe(true);
    expect(deps.sleeps).toEqual([5000, 5000, 10000, 10000]);
    expect(server.devicePollCount()).toBe(4);
    const stored = await readTokens(deps.secrets, 'chatgpt');
    expect(stored.ok && stored.value?.refreshToken).toMatch(/^rt-FAKE-/);
  });

  it('says the code expired on expired_token', async () => {
    server.set({ devicePolls: ['authorization_pending', 'expired_token'] });
    const done = await (await start()).done;
    expect(!done.ok && done.error.kind).toBe('device-expired');
  });

  it('stops polling once the code expired locally', async () => {
    server.set({ devicePolls: ['authorization_pending'] });
    const deps = createTestDeps();
    const done = await (await start(deps)).done;
    expect(!done.ok && done.error.kind).toBe('device-expired');
    expect(deps.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1800_000);
  });

  it('reports access_denied as a denial', async () => {
    server.set({ devicePolls: ['access_denied'] });
    const done = await (await start()).done;
    expect(!done.ok && done.error).toMatchObject({ kind: 'denied', code: 'access_denied' });
  });

  it('is cancelled through its AbortSignal', async () => {
    server.set({ devicePolls: ['authorization_pending'] });
    const controller = new AbortController();
    const started = await start(createTestDeps(), controller.signal);
    controller.abort();
    const done = await started.done;
    expect(!done.ok && done.error.kind).toBe('cancelled');
  });

  it('refuses a provider without device sign-in, saying why', async () => {
    const provider = testProvider(server.url, [0], { kind: 'none', reason: 'no device API.' });
    const started = await startDeviceSignIn(provider, createTestDeps());
    expect(!started.ok && started.error.kind).toBe('device-unsupported');
    expect(!started.ok && started.error.message).toContain('no device API');
  });
});

describe('startDeviceSignIn (ChatGPT, Codex device API)', () => {
  const codexProvider = () => testProvider(server.url, [0], chatgptProvider.device);

  it('polls while pending (403), then exchanges the code with its verifier', async () => {
    server.set({ devicePolls: ['authorization_pending', 'authorization_pending', 'tokens'] });
    const deps = createTestDeps();
    const started = await startDeviceSignIn(codexProvider(), deps);
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.userCode).toBe(FAKE_USER_CODE);
    expect(started.value.verificationUri).toBe(`${server.url}/codex/device`);
    const done = await started.value.done;
    expect(done.ok && done.value.accountId).toBe(FAKE_ACCOUNT_ID);
    expect(deps.sleeps).toEqual([5000, 5000, 5000]);
  });

  it('gives up after 15 minutes', async () => {
    server.set({ devicePolls: ['authorization_pending'] });
    const started = await startDeviceSignIn(codexProvider(), createTestDeps());
    if (!started.ok) throw new Error(started.error.message);
    const done = await started.value.done;
    expect(!done.ok && done.error.kind).toBe('device-expired');
    expect(server.devicePollCount()).toBe(179);
  });
});
