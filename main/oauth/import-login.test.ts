import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_ACCOUNT_ID, FAKE_EMAIL, fakeIdToken } from '../test-support/fake-oauth-server.js';
import { importLogin, importPathOf } from './import-login.js';
import { chatgptProvider } from './providers/chatgpt.js';
import { readTokens } from './stored-tokens.js';
import { createTestDeps } from './test-deps.js';
import { TokenManager } from './token-manager.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'vdm-oauth-import-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const put = async (path: string, value: unknown): Promise<void> => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
};

describe('importLogin', () => {
  it('imports a Codex CLI login (~/.codex/auth.json)', async () => {
    const accessToken = fakeIdToken({ exp: 1767300000 });
    await put(join(home, '.codex', 'auth.json'), {
      OPENAI_API_KEY: null,
      tokens: {
        id_token: fakeIdToken(),
        access_token: accessToken,
        refresh_token: 'rt-FAKE-codex',
        account_id: FAKE_ACCOUNT_ID,
      },
      last_refresh: '2025-12-31T12:00:00Z',
    });
    const deps = createTestDeps();
    const changes: string[] = [];
    const manager = new TokenManager(deps, [chatgptProvider], {
      onChange: (_p, status) => changes.push(status.kind),
    });
    const imported = await manager.importLogin('chatgpt', 'codex', home);
    expect(imported).toEqual({
      ok: true,
      value: {
        provider: 'chatgpt',
        account: FAKE_EMAIL,
        accountId: FAKE_ACCOUNT_ID,
        expiresAt: 1767300000_000,
      },
    });
    expect(changes).toEqual(['signed-in']);
    const stored = await readTokens(deps.secrets, 'chatgpt');
    expect(stored.ok && stored.value).toMatchObject({
      accessToken,
      refreshToken: 'rt-FAKE-codex',
      lastRefresh: Date.parse('2025-12-31T12:00:00Z'),
    });
  });

  it('imports a vandamme-proxy login (~/.vandamme/oauth/chatgpt/auth.json)', async () => {
    await put(importPathOf('vandamme', 'chatgpt', home), {
      access_token: 'at-FAKE-vdm',
      refresh_token: 'rt-FAKE-vdm',
      id_token: fakeIdToken(),
      account_id: FAKE_ACCOUNT_ID,
      expires_at: '2026-01-01T01:00:00+00:00',
      last_refresh: '2026-01-01T00:00:00+00:00',
    });
    const deps = createTestDeps();
    const imported = await importLogin(chatgptProvider, 'vandamme', home, deps);
    expect(imported.ok && imported.value.expiresAt).toBe(Date.parse('2026-01-01T01:00:00Z'));
    const stored = await readTokens(deps.secrets, 'chatgpt');
    expect(stored.ok && stored.value?.refreshToken).toBe('rt-FAKE-vdm');
  });

  it('stores a login without a known expiry as due, so the first use refreshes it', async () => {
    await put(importPathOf('vandamme', 'chatgpt', home), {
      access_token: 'at-FAKE-opaque',
      refresh_token: 'rt-FAKE-opaque',
      id_token: fakeIdToken(),
      account_id: FAKE_ACCOUNT_ID,
    });
    const deps = createTestDeps();
    const imported = await importLogin(chatgptProvider, 'vandamme', home, deps);
    expect(imported.ok && imported.value.expiresAt).toBe(deps.clock.now());
  });

  it('says clearly when there is nothing to import', async () => {
    const imported = await importLogin(chatgptProvider, 'codex', home, createTestDeps());
    expect(!imported.ok && imported.error).toMatchObject({
      kind: 'import-not-found',
      path: join(home, '.codex', 'auth.json'),
    });
  });

  it('refuses a file without tokens, and never echoes its content', async () => {
    await put(join(home, '.codex', 'auth.json'), { OPENAI_API_KEY: 'sk-FAKE-secret' });
    const imported = await importLogin(chatgptProvider, 'codex', home, createTestDeps());
    expect(!imported.ok && imported.error.kind).toBe('import-invalid');
    expect(JSON.stringify(imported)).not.toContain('sk-FAKE-secret');
    await put(join(home, '.codex', 'auth.json'), 'not json rt-FAKE-x');
    const broken = await importLogin(chatgptProvider, 'codex', home, createTestDeps());
    expect(!broken.ok && broken.error.message).toContain('not JSON');
    expect(JSON.stringify(broken)).not.toContain('rt-FAKE-x');
  });
});
