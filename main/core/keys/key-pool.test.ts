import { describe, expect, it } from 'vitest';
import { KeyPool } from './key-pool.js';
import type { KeyLease, KeyPolicy } from './model.js';

const A = 'sk-test-FAKE-000000000000aaaa';
const B = 'sk-test-FAKE-000000000000bbbb';
const C = 'sk-test-FAKE-000000000000cccc';

const policy: KeyPolicy = {
  cooldownDefaultMs: 1_000,
  cooldownMaxMs: 60_000,
  quotaCooldownMs: 3_600_000,
  probeTimeoutMs: 30_000,
};

class FakeClock {
  t = 1_000_000;
  now(): number {
    return this.t;
  }
}

function setup(keys: readonly string[] = [A, B, C]) {
  const clock = new FakeClock();
  return { clock, pool: new KeyPool(keys, policy, clock) };
}

function take(pool: KeyPool, exclude?: ReadonlySet<string>): KeyLease {
  const lease = pool.acquire(exclude);
  if (!lease) throw new Error('expected a key');
  return lease;
}

const kinds = (pool: KeyPool) => pool.health().map((k) => k.status.kind);

describe('rotation', () => {
  it('hands the keys out round-robin', () => {
    const { pool } = setup();
    const order = Array.from({ length: 6 }, () => {
      const lease = take(pool);
      lease.report({ kind: 'success' });
      return lease.key;
    });
    expect(order).toEqual([A, B, C, A, B, C]);
  });

  it('advances on every acquire, so concurrent requests spread over the keys', () => {
    const { pool } = setup();
    expect(Array.from({ length: 4 }, () => take(pool).key)).toEqual([A, B, C, A]);
  });

  it('skips the keys this request already tried', () => {
    const { pool } = setup();
    expect(take(pool, new Set([A])).key).toBe(B);
    expect(take(pool, new Set([C])).key).toBe(A);
    expect(pool.acquire(new Set([A, B, C]))).toBeUndefined();
  });

  it('skips a key that is resting and keeps rotating over the others', () => {
    const { pool } = setup();
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 10_000 });
    expect(Array.from({ length: 4 }, () => take(pool).key)).toEqual([B, C, B, C]);
  });

  it('ignores duplicate and empty keys', () => {
    const { pool } = setup([A, A, '', B]);
    expect(pool.size).toBe(2);
  });

  it('has nothing to hand out when it has no keys', () => {
    const { pool } = setup([]);
    expect(pool.size).toBe(0);
    expect(pool.acquire()).toBeUndefined();
    expect(pool.nextAvailableAt()).toBeUndefined();
    expect(pool.health()).toEqual([]);
  });
});

describe('unauthorized keys', () => {
  it('marks a key invalid on 401/403 and never hands it out again', () => {
    const { pool, clock } = setup([A, B]);
    take(pool).report({ kind: 'unauthorized', httpStatus: 401 });
    expect(pool.health()[0]?.status).toEqual({ kind: 'invalid', httpStatus: 401, since: clock.t });
    clock.t += 86_400_000;
    expect(Array.from({ length: 3 }, () => take(pool).key)).toEqual([B, B, B]);
  });

  it('has no key and no next time when every key is invalid', () => {
    const { pool } = setup([A, B]);
    take(pool).report({ kind: 'unauthorized', httpStatus: 401 });
    take(pool).report({ kind: 'unauthorized', httpStatus: 403 });
    expect(pool.acquire()).toBeUndefined();
    expect(pool.nextAvailableAt()).toBeUndefined();
    expect(pool.health().map((k) => k.failures)).toEqual([1, 1]);
  });

  it('is not healed by the late success of a request that started before the 401', () => {
    const { pool } = setup([A]);
    const early = take(pool);
    take(pool).report({ kind: 'unauthorized', httpStatus: 401 });
    early.report({ kind: 'success' });
    expect(kinds(pool)).toEqual(['invalid']);
  });
});

describe('rate limits', () => {
  it('rests a key for retry-after, then lets one probe through', () => {
    const { pool, clock } = setup([A]);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 20_000 });
    expect(pool.health()[0]?.status).toEqual({
      kind: 'cooling-down',
      until: clock.t + 20_000,
      failures: 1,
    });
    expect(pool.acquire()).toBeUndefined();
    expect(pool.nextAvailableAt()).toBe(clock.t + 20_000);
    clock.t += 20_000;
    expect(kinds(pool)).toEqual(['probing']);
    expect(take(pool).key).toBe(A);
  });

  it('caps retry-after at cooldownMaxMs', () => {
    const { pool, clock } = setup([A]);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 3_600_000 });
    expect(pool.nextAvailableAt()).toBe(clock.t + policy.cooldownMaxMs);
  });

  it('doubles the default cooldown on each consecutive 429, up to the cap', () => {
    const { pool, clock } = setup([A]);
    const rests: number[] = [];
    for (let i = 0; i < 8; i++) {
      take(pool).report({ kind: 'rate-limited', retryAfterMs: undefined });
      const until = pool.nextAvailableAt() ?? 0;
      rests.push(until - clock.t);
      clock.t = until;
    }
    expect(rests).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
  });

  it('starts the doubling over after a success', () => {
    const { pool, clock } = setup([A]);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: undefined });
    clock.t += 1_000;
    take(pool).report({ kind: 'success' });
    expect(kinds(pool)).toEqual(['healthy']);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: undefined });
    expect(pool.nextAvailableAt()).toBe(clock.t + 1_000);
  });

  it('counts 429s of requests already in flight as one rate limit, not a longer streak', () => {
    const { pool, clock } = setup([A]);
    const inFlight = [take(pool), take(pool), take(pool)];
    for (const lease of inFlight) lease.report({ kind: 'rate-limited', retryAfterMs: undefined });
    expect(pool.health()[0]?.status).toEqual({
      kind: 'cooling-down',
      until: clock.t + 1_000,
      failures: 1,
    });
  });

  it('keeps the key resting when a request started before the 429 succeeds late', () => {
    const { pool } = setup([A]);
    const early = take(pool);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 5_000 });
    early.report({ kind: 'success' });
    expect(kinds(pool)).toEqual(['cooling-down']);
  });
});

describe('probing after a rest', () => {
  function rested() {
    const s = setup([A]);
    take(s.pool).report({ kind: 'rate-limited', retryAfterMs: 5_000 });
    s.clock.t += 5_000;
    return s;
  }

  it('allows exactly one probe at a time', () => {
    const { pool, clock } = rested();
    const probe = take(pool);
    expect(pool.acquire()).toBeUndefined();
    expect(pool.nextAvailableAt()).toBe(clock.t + 1_000);
    probe.report({ kind: 'success' });
    expect(kinds(pool)).toEqual(['healthy']);
    expect(take(pool).key).toBe(A);
    expect(take(pool).key).toBe(A);
  });

  it('rests the key longer when the probe is rate limited again', () => {
    const { pool, clock } = rested();
    take(pool).report({ kind: 'rate-limited', retryAfterMs: undefined });
    expect(pool.health()[0]?.status).toEqual({
      kind: 'cooling-down',
      until: clock.t + 2_000,
      failures: 2,
    });
  });

  it('frees the probe when it ends neutrally (5xx, network), without healing the key', () => {
    const { pool } = rested();
    take(pool).report({ kind: 'neutral' });
    expect(kinds(pool)).toEqual(['probing']);
    expect(pool.acquire()).toBeDefined();
  });

  it('allows another probe when a probe was never reported', () => {
    const { pool, clock } = rested();
    take(pool);
    expect(pool.acquire()).toBeUndefined();
    clock.t += policy.probeTimeoutMs ?? 0;
    expect(pool.acquire()?.key).toBe(A);
  });

  it('uses a rested key again in turn, alongside healthy ones', () => {
    const { pool, clock } = setup([A, B]);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 5_000 });
    expect(take(pool).key).toBe(B);
    clock.t += 5_000;
    expect([take(pool).key, take(pool).key, take(pool).key]).toEqual([A, B, B]);
  });
});

describe('quota exhaustion', () => {
  it('is its own status with the long quota rest', () => {
    const { pool, clock } = setup([A, B]);
    take(pool).report({ kind: 'quota-exhausted', retryAfterMs: 10_000 });
    expect(pool.health()[0]?.status).toEqual({
      kind: 'quota-exhausted',
      until: clock.t + policy.quotaCooldownMs,
    });
    expect(pool.health()[0]?.failures).toBe(1);
    expect(take(pool).key).toBe(B);
  });

  it('honours a longer retry-after, believed up to a day', () => {
    const { pool, clock } = setup([A]);
    take(pool).report({ kind: 'quota-exhausted', retryAfterMs: 7_200_000 });
    expect(pool.nextAvailableAt()).toBe(clock.t + 7_200_000);
    clock.t += 7_200_000;
    take(pool).report({ kind: 'quota-exhausted', retryAfterMs: 30 * 86_400_000 });
    expect(pool.nextAvailableAt()).toBe(clock.t + 86_400_000);
  });

  it('does not shorten a quota rest with a short 429 cooldown', () => {
    const { pool, clock } = setup([A]);
    const early = take(pool);
    take(pool).report({ kind: 'quota-exhausted', retryAfterMs: undefined });
    early.report({ kind: 'rate-limited', retryAfterMs: 1_000 });
    expect(pool.health()[0]?.status).toEqual({
      kind: 'quota-exhausted',
      until: clock.t + policy.quotaCooldownMs,
    });
  });
});

describe('nextAvailableAt', () => {
  it('is now while a key is usable, else the end of the earliest rest', () => {
    const { pool, clock } = setup([A, B]);
    expect(pool.nextAvailableAt()).toBe(clock.t);
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 5_000 });
    take(pool).report({ kind: 'rate-limited', retryAfterMs: 3_000 });
    expect(pool.nextAvailableAt()).toBe(clock.t + 3_000);
  });
});

describe('leases', () => {
  it('count only the first report', () => {
    const { pool } = setup([A]);
    const lease = take(pool);
    lease.report({ kind: 'success' });
    lease.report({ kind: 'unauthorized', httpStatus: 401 });
    expect(kinds(pool)).toEqual(['healthy']);
  });

  it('leave health unchanged on a neutral outcome', () => {
    const { pool } = setup([A]);
    take(pool).report({ kind: 'neutral' });
    expect(pool.health()[0]).toMatchObject({
      status: { kind: 'healthy' },
      requests: 1,
      failures: 0,
    });
  });

  it('show hints and hashes, never the key', () => {
    const { pool } = setup([A, 'short-key']);
    const text = JSON.stringify(pool.health());
    expect(pool.health().map((k) => k.hint)).toEqual([
      '…aaaa',
      expect.stringMatching(/^#[0-9a-f]{6}$/),
    ]);
    expect(pool.health()[0]?.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(text).not.toContain(A);
    expect(text).not.toContain('short-key');
    expect(take(pool).hint).toBe('…aaaa');
  });
});

describe('resetHealth ("retry now")', () => {
  it('makes a cooling-down or invalid key usable at once, keeping its counters', () => {
    const now = 1_000;
    const pool = new KeyPool(
      ['sk-test-FAKE-reset-A-000000aaaa', 'sk-test-FAKE-reset-B-000000bbbb'],
      policy,
      { now: () => now },
    );
    pool.acquire()?.report({ kind: 'rate-limited', retryAfterMs: 60_000 });
    pool.acquire()?.report({ kind: 'unauthorized', httpStatus: 401 });
    expect(pool.acquire()).toBeUndefined();
    const [first] = pool.health();
    expect(pool.resetHealth(first?.hash)).toBe(1);
    expect(pool.health()[0]).toMatchObject({
      status: { kind: 'healthy' },
      requests: 1,
      failures: 1,
    });
    expect(pool.acquire()?.hint).toBe('…aaaa');
    expect(pool.resetHealth()).toBe(2);
    expect(pool.health().every((k) => k.status.kind === 'healthy')).toBe(true);
    expect(pool.resetHealth('nope')).toBe(0);
  });
});
