import { randomBytes } from 'node:crypto';

import { afterAll, describe, expect, it } from 'vitest';

import { createNativeKeychainEntry } from './keychain-entry.js';
import { createKeychainSecretStore, KEYCHAIN_INDEX_ACCOUNT } from './keychain-secret-store.js';
import { openSecretStore } from './open-secret-store.js';
import { AppSecrets } from './app-secrets.js';
import { deleteTokens, readTokens, writeTokens } from '../oauth/stored-tokens.js';

// Needs a real, unlocked keychain; CI runs it under dbus-run-session + gnome-keyring (MACHINE.md).
const enabled = process.env['VDM_TEST_KEYCHAIN'] === '1';
const service = `vandamme-desktop-test-${process.pid}-${randomBytes(4).toString('hex')}`;
const SECRET = 'sk-test-FAKE-secret-000000000000';

describe.skipIf(!enabled)(
  'keychain secret store against the real OS keychain (set VDM_TEST_KEYCHAIN=1 to run)',
  () => {
    const store = createKeychainSecretStore({ service });

    afterAll(async () => {
      const listed = await store.list();
      if (listed.ok) for (const account of listed.value) await store.delete(account);
      // The store refuses to touch its own index entry, so remove it through the native port.
      await createNativeKeychainEntry(service, KEYCHAIN_INDEX_ACCOUNT)
        .deletePassword()
        .catch(() => false);
    });

    it('passes the open probe', async () => {
      const opened = await openSecretStore('keychain', '/nonexistent', { service });
      expect(opened.ok ? opened.value.kind : opened.error).toBe('keychain');
    });

    it('round-trips a secret and keeps the index', async () => {
      const account = 'provider/openai/key/1a2b3c4d';
      expect(await store.set(account, SECRET)).toEqual({ ok: true, value: undefined });
      // A new instance reads from the keychain, not from anything cached in memory.
      const fresh = createKeychainSecretStore({ service });
      expect(await fresh.get(account)).toEqual({ ok: true, value: SECRET });
      expect(await fresh.list()).toEqual({ ok: true, value: [account] });
      expect(await fresh.delete(account)).toEqual({ ok: true, value: true });
      expect(await fresh.get(account)).toEqual({ ok: true, value: undefined });
      expect(await fresh.list()).toEqual({ ok: true, value: [] });
    });

    it('keeps the keys added in the window across a restart (a fresh load reads them back)', async () => {
      const first = await AppSecrets.load(store);
      if (!first.ok) throw new Error(JSON.stringify(first.error));
      expect(await first.value.setProviderKeys('fake', [SECRET, `${SECRET}-2`])).toEqual({
        ok: true,
        value: undefined,
      });
      const again = await AppSecrets.load(createKeychainSecretStore({ service }));
      expect(again.ok && again.value.keysOf('fake')).toEqual([SECRET, `${SECRET}-2`]);
      if (again.ok) await again.value.setProviderKeys('fake', []);
    });

    it('keeps signed-in OAuth tokens in the keychain and reads them back in a fresh store', async () => {
      const tokens = {
        accessToken: 'at-FAKE-keychain',
        refreshToken: 'rt-FAKE-keychain',
        accountId: 'acct-FAKE',
        expiresAt: 4_102_444_800_000,
      };
      expect(await writeTokens(store, 'chatgpt', tokens)).toEqual({ ok: true, value: undefined });
      const fresh = createKeychainSecretStore({ service });
      expect(await readTokens(fresh, 'chatgpt')).toEqual({ ok: true, value: tokens });
      await deleteTokens(fresh, 'chatgpt');
      expect(await readTokens(fresh, 'chatgpt')).toEqual({ ok: true, value: undefined });
    });
  },
);
