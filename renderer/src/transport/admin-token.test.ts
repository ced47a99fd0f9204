import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_STORAGE_KEY, takeAdminToken, type TokenEnvironment } from './admin-token.js';

function fakeEnvironment(hash: string, stored: string | null = null) {
  const items = new Map<string, string>();
  if (stored !== null) items.set(ADMIN_TOKEN_STORAGE_KEY, stored);
  const urls: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '?x=1' },
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
    history: { replaceState: (_data, _unused, url) => void urls.push(String(url)) },
  };
  return { env, items, urls };
}

describe('takeAdminToken', () => {
  it('takes the token from the link, keeps it for the session and clears it from the URL', () => {
    const { env, items, urls } = fakeEnvironment('#token=abc123');
    expect(takeAdminToken(env)).toBe('abc123');
    expect(items.get(ADMIN_TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(urls).toEqual(['/?x=1']);
  });

  it('uses the stored token after a reload, when the URL no longer has it', () => {
    const { env, urls } = fakeEnvironment('', 'stored-token');
    expect(takeAdminToken(env)).toBe('stored-token');
    expect(urls).toEqual([]);
  });

  it('prefers a new link over an older stored token', () => {
    const { env } = fakeEnvironment('#token=new', 'old');
    expect(takeAdminToken(env)).toBe('new');
  });

  it('has no token when neither the link nor the session has one', () => {
    expect(takeAdminToken(fakeEnvironment('#other=1').env)).toBeNull();
    expect(takeAdminToken(fakeEnvironment('#token=').env)).toBeNull();
  });
});
