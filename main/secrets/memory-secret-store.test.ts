import { describe, expect, it } from 'vitest';

import { createMemorySecretStore } from './memory-secret-store.js';

describe('createMemorySecretStore', () => {
  it('round-trips, lists names only and deletes', async () => {
    const store = createMemorySecretStore();
    expect(store.kind).toBe('memory');
    expect(store.warning).toBeUndefined();
    expect(await store.get('provider/openai/key/1')).toEqual({ ok: true, value: undefined });
    expect(await store.set('provider/openai/key/1', 'sk-test-FAKE-secret-000000000000')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await store.get('provider/openai/key/1')).toEqual({
      ok: true,
      value: 'sk-test-FAKE-secret-000000000000',
    });
    expect(await store.list()).toEqual({ ok: true, value: ['provider/openai/key/1'] });
    expect(await store.delete('provider/openai/key/1')).toEqual({ ok: true, value: true });
    expect(await store.delete('provider/openai/key/1')).toEqual({ ok: true, value: false });
    expect(await store.list()).toEqual({ ok: true, value: [] });
  });

  it('rejects an empty account name', async () => {
    const result = await createMemorySecretStore().set('', 'x');
    expect(result).toEqual({
      ok: false,
      error: { kind: 'failed', operation: 'set', message: 'account name is empty' },
    });
  });
});
