import { describe, expect, it } from 'vitest';
import type { AdminClient } from '../../../shared/admin/admin-client.js';
import { guardUnauthorized } from './guard-unauthorized.js';

const answering = (kind: 'unauthorized' | 'not-found'): AdminClient => ({
  call: async () => ({ ok: false, error: { kind, message: 'm', fix: 'f' } }),
  subscribe: () => () => undefined,
});

describe('guardUnauthorized', () => {
  it('asks for the link when the proxy refuses the admin token', async () => {
    let asked = 0;
    const client = guardUnauthorized(answering('unauthorized'), () => (asked += 1));
    const result = await client.call('app.status', {});
    expect(result.ok).toBe(false);
    expect(asked).toBe(1);
  });

  it('leaves other errors to the page that made the call', async () => {
    let asked = 0;
    await guardUnauthorized(answering('not-found'), () => (asked += 1)).call('app.status', {});
    expect(asked).toBe(0);
  });
});
