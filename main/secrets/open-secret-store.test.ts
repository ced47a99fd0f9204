import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFakeKeychain } from './fake-keychain.js';
import { openSecretStore } from './open-secret-store.js';

describe('openSecretStore', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'vdm-open-'));
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('opens a working keychain and leaves no probe behind', async () => {
    const fake = createFakeKeychain();
    const opened = await openSecretStore('keychain', home, {
      service: 'vdm-test',
      platform: 'linux',
      entryFactory: fake.factory,
    });
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.kind).toBe('keychain');
    expect(await opened.value.list()).toEqual({ ok: true, value: [] });
    expect([...fake.entries.keys()].filter((key) => key.includes('__probe__'))).toEqual([]);
  });

  it('reports an unusable keychain as unavailable with a fix', async () => {
    const fake = createFakeKeychain();
    fake.failWith(new Error('Platform failure: DBus error: no session bus'));
    const opened = await openSecretStore('keychain', home, {
      platform: 'linux',
      entryFactory: fake.factory,
    });
    expect(opened).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    if (opened.ok || opened.error.kind !== 'unavailable') return;
    expect(opened.error.fix).toContain('gnome-keyring');
  });

  it('turns any other probe failure into unavailable too', async () => {
    const fake = createFakeKeychain();
    fake.failWith(new Error('something odd'), (op) => op === 'set');
    const opened = await openSecretStore('keychain', home, {
      platform: 'darwin',
      entryFactory: fake.factory,
    });
    expect(opened).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('opens the file store at <vdmHome>/secrets.json with its warning', async () => {
    const opened = await openSecretStore('file', home);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.kind).toBe('file');
    expect(opened.value.description).toContain(join(home, 'secrets.json').replace(/^.*\//, ''));
    expect(opened.value.warning).toBeTruthy();
  });

  it('opens the memory store', async () => {
    const opened = await openSecretStore('memory', home);
    expect(opened).toMatchObject({ ok: true, value: { kind: 'memory' } });
  });
});
