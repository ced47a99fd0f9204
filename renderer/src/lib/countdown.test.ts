import { describe, expect, it } from 'vitest';
import { clockOffset, formatCountdown, remainingMs } from './countdown.js';

describe('formatCountdown', () => {
  it.each([
    [42_000, '0:42'],
    [41_200, '0:42'],
    [65_000, '1:05'],
    [12 * 60_000 + 5000, '12:05'],
    [3_723_000, '1:02:03'],
    [2 * 86_400_000 + 5 * 3_600_000 + 10_000, '2d 5h'],
    [0, '0:00'],
    [-5000, '0:00'],
  ])('%i ms reads %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('remainingMs', () => {
  it('counts on the proxy clock even when the browser clock is 10 minutes behind', () => {
    const serverNow = 1_000_000_000;
    const localAtArrival = serverNow - 600_000;
    const offset = clockOffset(serverNow, localAtArrival);
    const until = serverNow + 42_000;
    expect(formatCountdown(remainingMs(until, localAtArrival, offset))).toBe('0:42');
    expect(formatCountdown(remainingMs(until, localAtArrival + 2000, offset))).toBe('0:40');
  });
});
