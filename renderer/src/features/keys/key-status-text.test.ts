import { describe, expect, it } from 'vitest';
import { keyStatusText } from './key-status-text.js';

const now = 1_000_000;
const remaining = (until: number) => until - now;

describe('keyStatusText', () => {
  it('shows a live countdown for a rate-limited key', () => {
    expect(
      keyStatusText({ kind: 'cooling-down', until: now + 42_000, failures: 2 }, remaining),
    ).toEqual({ text: 'cooling down 0:42', tone: 'warn' });
  });

  it('says the rest is over instead of a negative time', () => {
    expect(
      keyStatusText({ kind: 'cooling-down', until: now - 1, failures: 1 }, remaining).text,
    ).toBe('cooldown over, next request probes');
  });

  it('names the HTTP status of an invalid key and the wait of an exhausted quota', () => {
    expect(keyStatusText({ kind: 'invalid', httpStatus: 401, since: 0 }, remaining).text).toBe(
      'invalid (HTTP 401)',
    );
    expect(keyStatusText({ kind: 'quota-exhausted', until: now + 3_600_000 }, remaining).text).toBe(
      'quota exhausted, retry in 1:00:00',
    );
  });
});
