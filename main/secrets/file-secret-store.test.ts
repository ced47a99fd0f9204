import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createFileSecretStore } from './file-secret-store.js';

const SECRET = 'sk-test-FAKE-secret-000000000000';
const posix = process.platform !== 'win32';

describe('createFileSecretStore', () => {
  let root: string;
  let dir: string;
  let path: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'vdm-secrets-'));
    dir = join(root, 'nested', 'home');
    path = join(dir, 'secrets.json');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('round-trips and survives a new instance', async () => {
    const store = createFileSecretStore(path);
    expect(await store.get('a')).toEqual({ ok: true, value: undefined });
    expect((await store.set('provider/openai/key/1a2b3c4d', SECRET)).ok).toBe(true);
    expect(await createFileSecretStore(path).get('provider/openai/key/1a2b3c4d')).toEqual({
      ok: true,
      value: SECRET,
    });
    expect(await store.delete('provider/openai/key/1a2b3c4d')).toEqual({ ok: true, value: true });
    expect(await store.delete('provider/openai/key/1a2b3c4d')).toEqual({ ok: true, value: false });
    expect(await store.get('provider/openai/key/1a2b3c4d')).toEqual({ ok: true, value: undefined });
  });

  it.skipIf(!posix)('creates the file 0600 and the directory 0700', async () => {
    await createFileSecretStore(path).set('a', SECRET);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('leaves no temp files behind, also under concurrent writes', async () => {
    const store = createFileSecretStore(path);
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    expect(await readdir(dir)).toEqual(['secrets.json']);
    const listed = await store.list();
    expect(listed).toEqual({
      ok: true,
      value: Array.from({ length: 10 }, (_, i) => `k${i}`).sort(),
    });
  });

  it.skipIf(!posix)('fixes an existing file with a looser mode', async () => {
    const store = createFileSecretStore(path);
    await store.set('a', SECRET);
    await chmod(path, 0o644);
    expect(await store.get('a')).toEqual({ ok: true, value: SECRET });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await chmod(path, 0o666);
    await store.set('b', 'other');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('moves a corrupt file aside and says where, without quoting its content', async () => {
    const store = createFileSecretStore(path);
    await store.set('a', SECRET);
    await writeFile(path, `{"secrets": {"a": "${SECRET}"`, { mode: 0o600 });
    const result = await store.get('a');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('failed');
    expect(JSON.stringify(result.error)).not.toContain(SECRET);
    const files = await readdir(dir);
    const aside = files.find((name) => name.startsWith('secrets.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(JSON.stringify(result.error)).toContain(aside);
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toContain(SECRET);
    // The next write starts a fresh file; the corrupt copy stays for the user.
    expect((await store.set('b', 'x')).ok).toBe(true);
    expect(await store.list()).toEqual({ ok: true, value: ['b'] });
  });

  it('treats a wrong shape as corrupt', async () => {
    await createFileSecretStore(path).set('a', 'x');
    await writeFile(path, JSON.stringify({ version: 1, secrets: { a: 42 } }));
    const result = await createFileSecretStore(path).list();
    expect(result.ok).toBe(false);
  });

  it('lists names only, never values, and warns visibly', async () => {
    const store = createFileSecretStore(path);
    await store.set('provider/openai/key/1', SECRET);
    const listed = await store.list();
    expect(listed).toEqual({ ok: true, value: ['provider/openai/key/1'] });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(store.kind).toBe('file');
    expect(store.warning).toMatch(/plain text/);
    expect(store.warning).toMatch(/keychain/);
    expect(store.description).toContain('secrets.json');
    expect(store.description).not.toContain(SECRET);
  });

  it('reports an unwritable location as failed without the secret', async () => {
    await writeFile(join(root, 'blocker'), 'not a dir');
    const store = createFileSecretStore(join(root, 'blocker', 'secrets.json'));
    const result = await store.set('a', SECRET);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: 'failed', operation: 'set' });
    expect(JSON.stringify(result.error)).not.toContain(SECRET);
  });
});
