import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  headerValue,
  parseDurationMs,
  parseRetryAfterHeaderMs,
  parseRetryAfterMs,
} from './retry-after.js';

const NOW = Date.parse('2026-08-20T10:16:00Z');

describe('headerValue', () => {
  it('takes the first of repeated values and matches names case-insensitively', () => {
    expect(headerValue({ 'retry-after': ['3', '9'] }, 'Retry-After')).toBe('3');
    expect(headerValue({ 'Retry-After': ' 4 ' }, 'retry-after')).toBe('4');
    expect(headerValue({ 'retry-after': '' }, 'retry-after')).toBeUndefined();
  });
});

describe('parseDurationMs', () => {
  it.each([
    ['6m0s', 360_000],
    ['1s', 1000],
    ['250ms', 250],
    ['360ms', 360],
    ['6.57s', 6570],
    ['1h2m3s', 3_723_000],
    ['1m30.5s', 90_500],
    ['6', 6000],
    ['0.5', 500],
  ])('reads %s as %i ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['', 'soon', '6x', '6m0', '-1s', '1s extra'])('rejects %j', (text) => {
    expect(parseDurationMs(text)).toBeUndefined();
  });
});

describe('parseRetryAfterMs', () => {
  it('prefers retry-after-ms (Azure 429, azure-openai.txt)', () => {
    expect(
      parseRetryAfterMs(
        { 'retry-after': '6', 'retry-after-ms': '6000', 'x-ratelimit-reset-tokens': '6' },
        NOW,
      ),
    ).toBe(6000);
    expect(parseRetryAfterMs({ 'retry-after-ms': '1234.5' }, NOW)).toBe(1235);
  });

  it('reads retry-after in seconds', () => {
    expect(parseRetryAfterMs({ 'retry-after': '17' }, NOW)).toBe(17_000);
    expect(parseRetryAfterMs({ 'retry-after': '0' }, NOW)).toBe(0);
  });

  it('reads retry-after as an HTTP date, never negative', () => {
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 20 Aug 2026 10:16:30 GMT' }, NOW)).toBe(30_000);
    expect(parseRetryAfterMs({ 'retry-after': 'Thu, 20 Aug 2026 10:15:00 GMT' }, NOW)).toBe(0);
  });

  it('skips an unreadable retry-after and falls back to the reset headers', () => {
    expect(
      parseRetryAfterMs({ 'retry-after': 'later', 'x-ratelimit-reset-tokens': '2s' }, NOW),
    ).toBe(2000);
    expect(parseRetryAfterMs({ 'retry-after-ms': 'abc', 'retry-after': '3' }, NOW)).toBe(3000);
  });

  it('uses the OpenAI reset of the exhausted limit when retry-after is missing', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '497',
      'x-ratelimit-reset-requests': '360ms',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    };
    expect(parseRetryAfterMs(headers, NOW)).toBe(360_000);
    expect(
      parseRetryAfterMs(
        { ...headers, 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-tokens': '1s' },
        NOW,
      ),
    ).toBe(1000);
  });

  it('takes the later OpenAI reset when no limit is known to be exhausted (fixture 429 without retry-after)', () => {
    const headers = {
      'x-ratelimit-remaining-requests': '497',
      'x-ratelimit-reset-requests': '360ms',
      'x-ratelimit-remaining-tokens': '4735',
      'x-ratelimit-reset-tokens': '6.57s',
    };
    expect(parseRetryAfterMs(headers, NOW)).toBe(6570);
  });

  it('reads Azure resets in plain seconds', () => {
    expect(
      parseRetryAfterMs(
        {
          'x-ratelimit-remaining-tokens': '0',
          'x-ratelimit-reset-tokens': '6',
          'x-ratelimit-reset-requests': '10',
        },
        NOW,
      ),
    ).toBe(6000);
  });

  it('uses Anthropic RFC 3339 resets of the exhausted limits only when retry-after is missing', () => {
    // The headers of the 429 in anthropic-messages-error-midstream.txt, without retry-after.
    const headers = {
      'anthropic-ratelimit-requests-remaining': '3998',
      'anthropic-ratelimit-requests-reset': '2026-08-20T10:16:00Z',
      'anthropic-ratelimit-input-tokens-remaining': '0',
      'anthropic-ratelimit-input-tokens-reset': '2026-08-20T10:16:17Z',
      'anthropic-ratelimit-output-tokens-remaining': '312000',
      'anthropic-ratelimit-output-tokens-reset': '2026-08-20T10:16:00Z',
      'anthropic-ratelimit-tokens-remaining': '0',
      'anthropic-ratelimit-tokens-reset': '2026-08-20T10:16:17Z',
    };
    expect(parseRetryAfterMs(headers, NOW)).toBe(17_000);
    expect(parseRetryAfterMs({ ...headers, 'retry-after': '5' }, NOW)).toBe(5000);
  });

  it('says nothing when nothing is given', () => {
    expect(parseRetryAfterMs({}, NOW)).toBeUndefined();
    expect(parseRetryAfterMs({ 'x-ratelimit-reset-tokens': 'whenever' }, NOW)).toBeUndefined();
  });
});

describe('parseRetryAfterHeaderMs', () => {
  it('reads only the explicit headers, not rate-limit resets', () => {
    expect(parseRetryAfterHeaderMs({ 'x-ratelimit-reset-tokens': '6s' }, NOW)).toBeUndefined();
    expect(parseRetryAfterHeaderMs({ 'retry-after': '2' }, NOW)).toBe(2000);
  });
});

describe('backoffDelayMs', () => {
  const top = () => 0.999999;

  it('doubles the ceiling from 250 ms per attempt up to the 4 s cap', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelayMs(n, top))).toEqual([
      250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelayMs(3, () => 0)).toBe(0);
    expect(backoffDelayMs(3, () => 0.5)).toBe(500);
  });

  it('honours custom base and cap', () => {
    expect(backoffDelayMs(2, top, { baseMs: 100, capMs: 150 })).toBe(150);
    expect(backoffDelayMs(1, top, { baseMs: 100 })).toBe(100);
  });

  it('obeys a retry-after under the cap exactly, and ignores a longer one', () => {
    expect(backoffDelayMs(1, () => 0, { retryAfterMs: 3000 })).toBe(3000);
    expect(backoffDelayMs(1, () => 0.5, { retryAfterMs: 60_000 })).toBe(125);
    expect(backoffDelayMs(1, () => 0.5, { retryAfterMs: undefined })).toBe(125);
  });

  it('stays within bounds for odd inputs', () => {
    expect(backoffDelayMs(0, top)).toBe(250);
    expect(backoffDelayMs(1000, top)).toBe(4000);
    expect(backoffDelayMs(2, () => 7)).toBe(500);
    expect(backoffDelayMs(2, () => -1)).toBe(0);
  });
});
