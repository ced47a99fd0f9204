import { describe, expect, it } from 'vitest';

import { createFakeKeychain } from './fake-keychain.js';
import { createKeychainSecretStore, KEYCHAIN_INDEX_ACCOUNT } from './keychain-secret-store.js';

const SECRET = 'sk-test-FAKE-secret-000000000000';
const SERVICE = 'vdm-test';

const setup = (platform: NodeJS.Platform = 'linux') => {
  const fake = createFakeKeychain();
  const store = createKeychainSecretStore({
    service: SERVICE,
    platform,
    entryFactory: fake.factory,
  });
  const index = (): unknown =>
    JSON.parse(fake.entries.get(`${SERVICE}\u0000${KEYCHAIN_INDEX_ACCOUNT}`) ?? '[]');
  return { fake, store, index };
};

describe('createKeychainSecretStore', () => {
  it('round-trips and keeps the index in step', async () => {
    const { fake, store, index } = setup();
    expect(await store.get('provider/openai/key/1')).toEqual({ ok: true, value: undefined });
    expect(await store.set('provider/openai/key/1', SECRET)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await store.set('provider/openai/key/1', `${SECRET}-2`)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await store.set('provider/anthropic/key/2', 'other')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await store.get('provider/openai/key/1')).toEqual({ ok: true, value: `${SECRET}-2` });
    expect(index()).toEqual(['provider/anthropic/key/2', 'provider/openai/key/1']);
    expect(await store.list()).toEqual({
      ok: true,
      value: ['provider/anthropic/key/2', 'provider/openai/key/1'],
    });
    expect(fake.entries.get(`${SERVICE}\u0000${KEYCHAIN_INDEX_ACCOUNT}`)).not.toContain(SECRET);

    expect(await store.delete('provider/openai/key/1')).toEqual({ ok: true, value: true });
    expect(await store.delete('provider/openai/key/1')).toEqual({ ok: true, value: false });
    expect(await store.list()).toEqual({ ok: true, value: ['provider/anthropic/key/2'] });
    expect(fake.entries.has(`${SERVICE}\u0000provider/openai/key/1`)).toBe(false);
  });

  it('keeps every write under concurrency', async () => {
    const { store } = setup();
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    expect(await store.list()).toEqual({
      ok: true,
      value: Array.from({ length: 8 }, (_, i) => `k${i}`),
    });
  });

  it('refuses the reserved index account', async () => {
    const { store } = setup();
    const result = await store.set(KEYCHAIN_INDEX_ACCOUNT, SECRET);
    expect(result).toMatchObject({ ok: false, error: { kind: 'failed', operation: 'set' } });
  });

  it.each([
    'Platform secure storage failure: DBus error: org.freedesktop.DBus.Error.ServiceUnknown',
    'Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead',
    "Couldn't access platform secure storage: the collection is locked",
  ])('maps %j to unavailable with a fix', async (message) => {
    const { fake, store } = setup();
    fake.failWith(new Error(message));
    for (const result of [
      await store.get('a'),
      await store.set('a', SECRET),
      await store.delete('a'),
      await store.list(),
    ]) {
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind).toBe('unavailable');
      if (result.error.kind !== 'unavailable') continue;
      expect(result.error.reason).toContain('Secret Service');
      expect(result.error.fix).toContain('apt install gnome-keyring');
      expect(result.error.fix).toContain('VDM_SECRET_STORE=file');
    }
  });

  it('maps a throwing constructor (no D-Bus at all) to unavailable', async () => {
    const { fake, store } = setup();
    fake.failWith(
      new Error('Platform failure: DBus error: no session bus'),
      (op) => op === 'construct',
    );
    expect(await store.get('a')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('maps other errors to failed with the operation', async () => {
    const { fake, store } = setup();
    fake.failWith(new Error('Entry is matched by 2 credentials: Ambiguous'), (op) => op === 'get');
    expect(await store.get('a')).toMatchObject({
      ok: false,
      error: { kind: 'failed', operation: 'get' },
    });
  });

  it('rolls the index back when storing the secret fails', async () => {
    const { fake, store, index } = setup();
    await store.set('kept', 'x');
    fake.failWith(new Error('boom'), (op, account) => op === 'set' && account === 'new');
    expect(await store.set('new', SECRET)).toMatchObject({
      ok: false,
      error: { kind: 'failed', operation: 'set' },
    });
    expect(index()).toEqual(['kept']);
  });

  it('never returns the secret in an error, even if the native layer echoes it', async () => {
    const { fake, store } = setup();
    fake.failWith(new Error(`cannot store value ${SECRET}`), (op) => op === 'set');
    const failedResult = await store.set('a', SECRET);
    expect(failedResult.ok).toBe(false);
    expect(JSON.stringify(failedResult)).not.toContain(SECRET);
    fake.failWith(
      new Error(`Platform failure: DBus error while storing ${SECRET}`),
      (op, account) => op === 'set' && account === 'a',
    );
    const unavailable = await store.set('a', SECRET);
    expect(unavailable).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(JSON.stringify(unavailable)).not.toContain(SECRET);
    expect(store.description).not.toContain(SECRET);
  });

  it('describes the keychain per platform', () => {
    expect(setup('darwin').store.description).toBe('macOS Keychain');
    expect(setup('win32').store.description).toBe('Windows Credential Manager');
    expect(setup('linux').store.description).toMatch(/^Secret Service/);
    expect(setup('linux').store.warning).toBeUndefined();
  });
});
