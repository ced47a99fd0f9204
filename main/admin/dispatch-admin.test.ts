import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result.js';
import type { AdminService } from './admin-service.js';
import { dispatchAdmin } from './dispatch-admin.js';

function service(handle: AdminService['handle']): AdminService & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    handle: (op, input) => {
      calls.push([op, input]);
      return handle(op, input);
    },
    subscribe: () => () => undefined,
  };
}

describe('dispatchAdmin', () => {
  it('passes parsed input to the service', async () => {
    const s = service(async () => ok({ done: true }) as never);
    const result = await dispatchAdmin(s, 'providers.remove', { name: ' Fake ' });
    expect(result.ok).toBe(true);
    expect(s.calls).toEqual([['providers.remove', { name: 'fake' }]]);
  });

  it('refuses invalid input without calling the service, naming the field', async () => {
    const s = service(async () => ok({ done: true }) as never);
    const result = await dispatchAdmin(s, 'keys.add', { provider: 'fake', keys: 'one' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    if (!result.ok) expect(result.error.message).toContain('keys');
    expect(s.calls).toEqual([]);
  });

  it('refuses an unknown operation, listing the known ones', async () => {
    const result = await dispatchAdmin(
      service(async () => ok({}) as never),
      'keys.steal',
      {},
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    if (!result.ok) expect(result.error.fix).toContain('keys.add');
  });

  it('turns a throw into an internal error without its message, and reports it', async () => {
    const seen: unknown[] = [];
    const result = await dispatchAdmin(
      service(async () => {
        throw new Error('sk-test-FAKE-leaked-in-a-message');
      }),
      'providers.list',
      {},
      (e) => seen.push(e),
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('FAKE-leaked');
    expect(seen).toHaveLength(1);
  });
});
