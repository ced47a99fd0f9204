import { describe, expect, it } from 'vitest';
import { createHttpAdminClient } from './http-admin-client.js';
import type { FetchLike } from './fetch-like.js';

interface Seen {
  url: string;
  init: RequestInit;
}

function answering(status: number, body: unknown, seen: Seen[] = []): FetchLike {
  return async (url, init) => {
    seen.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
}

describe('createHttpAdminClient', () => {
  it('posts the input to /api/<operation> with the admin token and returns the value', async () => {
    const seen: Seen[] = [];
    const value = { aliases: [] };
    const client = createHttpAdminClient({
      token: 't0k',
      fetch: answering(200, { ok: true, value }, seen),
    });
    const result = await client.call('aliases.resolve', { model: 'haiku' });
    expect(result).toEqual({ ok: true, value });
    expect(seen[0]?.url).toBe('/api/aliases.resolve');
    expect(seen[0]?.init.method).toBe('POST');
    expect(seen[0]?.init.body).toBe('{"model":"haiku"}');
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBe('Bearer t0k');
  });

  it('passes an error Result through whatever the HTTP status, with its fix', async () => {
    const error = { kind: 'conflict', message: 'openai exists', fix: 'Pick another name.' };
    const client = createHttpAdminClient({
      token: 't',
      fetch: answering(409, { ok: false, error }),
    });
    expect(await client.call('providers.remove', { name: 'openai' })).toEqual({
      ok: false,
      error,
    });
  });

  it('reports a refused token as unauthorized so the window can ask for the link', async () => {
    const error = { kind: 'unauthorized', message: 'Bad admin token.', fix: 'Open the link.' };
    const client = createHttpAdminClient({
      token: 't',
      fetch: answering(401, { ok: false, error }),
    });
    const result = await client.call('app.status', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('unauthorized');
  });

  it('turns a network failure into an error that says the proxy may have stopped', async () => {
    const client = createHttpAdminClient({
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const result = await client.call('providers.list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('internal');
      expect(result.error.fix).toContain('vdm serve');
    }
  });

  it('does not pass off a non-Result page as data', async () => {
    const client = createHttpAdminClient({
      token: 't',
      fetch: answering(502, '<html>Bad gateway</html>'),
    });
    const result = await client.call('settings.get', {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('HTTP 502');
  });
});
