import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result.js';
import { loadConfig } from '../config/load-config.js';
import { removeProjects, tempProject } from '../config/test-support/config-fixture.js';
import { AppSecrets } from './app-secrets.js';
import { createMemorySecretStore } from './memory-secret-store.js';
import type { SecretStore } from './secret-store.js';

const KEY_A = 'sk-test-FAKE-secrets-A-00000aaaa';
const KEY_B = 'sk-test-FAKE-secrets-B-00000bbbb';

async function loaded(store: SecretStore): Promise<AppSecrets> {
  const secrets = await AppSecrets.load(store);
  if (!secrets.ok) throw new Error(JSON.stringify(secrets.error));
  return secrets.value;
}

describe('AppSecrets', () => {
  it('keeps provider keys and the client token in the store, and finds them again on load', async () => {
    const store = createMemorySecretStore();
    const secrets = await loaded(store);
    expect((await secrets.setProviderKeys('fake', [KEY_A, KEY_B])).ok).toBe(true);
    expect((await secrets.setClientToken('client-token-FAKE-1')).ok).toBe(true);
    const again = await loaded(store);
    expect(again.keysOf('fake')).toEqual([KEY_A, KEY_B]);
    expect(again.snapshot()).toMatchObject({
      providerKeys: { fake: [KEY_A, KEY_B] },
      clientToken: 'client-token-FAKE-1',
      where: 'memory (not persisted)',
    });
    await again.setProviderKeys('fake', []);
    expect((await store.list()).ok && (await store.list())).toEqual(ok(['proxy-api-key']));
  });

  it('keeps the cache unchanged when the store refuses a write', async () => {
    const memory = createMemorySecretStore();
    const refusing: SecretStore = {
      ...memory,
      set: async () => err({ kind: 'failed', operation: 'set', message: 'locked' }),
    };
    const secrets = await loaded(refusing);
    const saved = await secrets.setProviderKeys('fake', [KEY_A]);
    expect(saved).toEqual(err({ kind: 'failed', operation: 'set', message: 'locked' }));
    expect(secrets.keysOf('fake')).toEqual([]);
  });

  it('when no store is available, every write says why and how to fix it', async () => {
    const secrets = AppSecrets.unavailable('no D-Bus session', 'install gnome-keyring');
    const saved = await secrets.setProviderKeys('fake', [KEY_A]);
    expect(saved).toEqual(
      err({ kind: 'unavailable', reason: 'no D-Bus session', fix: 'install gnome-keyring' }),
    );
    expect(secrets.snapshot().providerKeys).toEqual({});
  });
});

describe('stored keys in the config', () => {
  it('become the app layer api-key, named by the store, below env and files', async () => {
    const p = tempProject();
    const secrets = await loaded(createMemorySecretStore());
    await secrets.setProviderKeys('fake', [KEY_A, KEY_B]);
    await secrets.setProviderKeys('shadowed', [KEY_A]);
    await secrets.setClientToken('client-token-FAKE-2');
    const result = loadConfig(
      p.sources({
        env: {
          SHADOWED_API_KEY: 'sk-test-FAKE-from-env-0000cccc',
          SHADOWED_BASE_URL: 'http://127.0.0.1:9/v1',
        },
        appSettings: { fake: { 'base-url': 'http://127.0.0.1:9/v1' } },
        appSecrets: secrets.snapshot(),
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const fake = result.value.providers.get('fake' as never);
    expect(fake?.apiKeys).toEqual([KEY_A, KEY_B]);
    expect(fake?.sources['api-key']).toEqual({
      layer: 'app',
      where: 'memory (not persisted)',
    });
    expect(result.value.providers.get('shadowed' as never)?.apiKeys).toEqual([
      'sk-test-FAKE-from-env-0000cccc',
    ]);
    expect(result.value.globals.proxyApiKey).toBe('client-token-FAKE-2');
    expect(result.value.globalSources.proxyApiKey.layer).toBe('app');
    removeProjects();
  });
});
