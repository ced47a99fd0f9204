import { describe, expect, it } from 'vitest';
import { classifyUpstreamResponse, type UpstreamFailure } from './classify-upstream.js';
import { REDACTED } from './redact-secrets.js';
import {
  ANTHROPIC_ERRORS,
  AZURE_400_FILTER,
  AZURE_401,
  AZURE_404,
  AZURE_429,
  BEDROCK_429,
  OPENAI_400,
  OPENAI_401,
  OPENAI_429_QUOTA,
  OPENAI_429_RATE,
  OPENAI_500,
  VERTEX_429,
  type UpstreamFixture,
} from './test-support/upstream-fixtures.js';

const NOW = Date.parse('2026-08-20T10:16:00Z');
const KEY = 'sk-ant-test-FAKEKEY0000000000000000001';

function classify(fixture: UpstreamFixture, extra: Partial<UpstreamFailure> = {}) {
  return classifyUpstreamResponse({
    status: fixture.status,
    headers: fixture.headers,
    bodyText: fixture.bodyText,
    provider: 'p',
    secrets: [KEY],
    now: NOW,
    ...extra,
  });
}

function fixture(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): UpstreamFixture {
  return {
    name: `${status}`,
    status,
    headers,
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

const byStatus = (status: number): UpstreamFixture => {
  const found = ANTHROPIC_ERRORS.find((f) => f.status === status);
  if (!found) throw new Error(`no fixture for ${status}`);
  return found;
};

describe('classifyUpstreamResponse: every Anthropic error of the fixture', () => {
  it.each([
    [400, 'neutral', 'give-up'],
    [401, 'unauthorized', 'other-key'],
    [402, 'quota-exhausted', 'other-key'],
    [403, 'unauthorized', 'other-key'],
    [404, 'neutral', 'give-up'],
    [413, 'neutral', 'give-up'],
    [429, 'rate-limited', 'other-key'],
    [500, 'neutral', 'backoff'],
    [504, 'neutral', 'backoff'],
    [529, 'neutral', 'backoff'],
  ])('%i -> key %s, next %s', (status, outcome, next) => {
    const verdict = classify(byStatus(status));
    expect(verdict.keyOutcome.kind).toBe(outcome);
    expect(verdict.next).toBe(next);
    expect(verdict.error).toMatchObject({ kind: 'upstream-http', status, provider: 'p' });
  });

  it('keeps type and message of the envelope', () => {
    expect(classify(byStatus(529)).error).toMatchObject({
      upstreamType: 'overloaded_error',
      message: 'Overloaded',
    });
    expect(classify(byStatus(413)).error).toMatchObject({
      upstreamType: 'request_too_large',
      message: 'Request exceeds the maximum size',
    });
  });

  it('records the unauthorized status for the key', () => {
    expect(classify(byStatus(401)).keyOutcome).toEqual({ kind: 'unauthorized', httpStatus: 401 });
    expect(classify(byStatus(403)).keyOutcome).toEqual({ kind: 'unauthorized', httpStatus: 403 });
  });

  it('gives the rate limit its retry-after', () => {
    const verdict = classify(byStatus(429));
    expect(verdict.keyOutcome).toEqual({ kind: 'rate-limited', retryAfterMs: 17_000 });
    expect(verdict.error).toMatchObject({ retryAfterMs: 17_000, quota: false });
  });

  it('falls back to the Anthropic reset headers for a 429 without retry-after', () => {
    const { 'retry-after': _dropped, ...headers } = byStatus(429).headers;
    expect(classify({ ...byStatus(429), headers }).keyOutcome).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 17_000,
    });
  });
});

describe('classifyUpstreamResponse: quota versus rate limit', () => {
  it('OpenAI rate_limit_exceeded is a rate limit with retry-after', () => {
    const verdict = classify(OPENAI_429_RATE);
    expect(verdict.keyOutcome).toEqual({ kind: 'rate-limited', retryAfterMs: 7000 });
    expect(verdict.next).toBe('other-key');
    expect(verdict.error).toMatchObject({
      upstreamType: 'tokens',
      upstreamCode: 'rate_limit_exceeded',
      quota: false,
    });
  });

  it('OpenAI insufficient_quota is quota exhaustion, never a rate limit', () => {
    const verdict = classify(OPENAI_429_QUOTA);
    expect(verdict.keyOutcome).toEqual({ kind: 'quota-exhausted', retryAfterMs: undefined });
    expect(verdict.next).toBe('other-key');
    expect(verdict.error).toMatchObject({
      status: 429,
      upstreamCode: 'insufficient_quota',
      quota: true,
      retryAfterMs: undefined,
    });
  });

  it("Azure's token rate limit is a rate limit although its message links to quota increases", () => {
    const verdict = classify(AZURE_429);
    expect(verdict.keyOutcome).toEqual({ kind: 'rate-limited', retryAfterMs: 6000 });
  });

  it("Vertex's per-minute 'Quota exceeded' is a rate limit", () => {
    expect(classify(VERTEX_429).keyOutcome.kind).toBe('rate-limited');
  });

  it('Bedrock throttling is a rate limit without a retry-after', () => {
    expect(classify(BEDROCK_429).keyOutcome).toEqual({
      kind: 'rate-limited',
      retryAfterMs: undefined,
    });
  });

  it("Anthropic's spend-cap 429 (details.error_code) is quota exhaustion", () => {
    const body = {
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: 'Spend limit reached.',
        details: { error_code: 'enforced_spend_limit_reached' },
      },
    };
    expect(classify(fixture(429, body)).keyOutcome.kind).toBe('quota-exhausted');
  });

  it("Anthropic's credit-balance and usage-limit 400s are quota exhaustion on this key", () => {
    const credit = {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message:
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
      },
    };
    const limits = {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message:
          'You have reached your specified API usage limits. You will regain access on 2026-09-01 at 00:00 UTC.',
      },
    };
    for (const body of [credit, limits]) {
      const verdict = classify(fixture(400, body));
      expect(verdict.keyOutcome.kind).toBe('quota-exhausted');
      expect(verdict.next).toBe('other-key');
      expect(verdict.error).toMatchObject({ status: 400, quota: true });
    }
  });

  it('Azure out-of-quota 403 rests the key instead of marking it invalid', () => {
    const body = {
      error: {
        code: '403',
        message:
          'Out of call volume quota for OpenAI API. Quota will be replenished in 2.00:00:00.',
      },
    };
    expect(classify(fixture(403, body)).keyOutcome.kind).toBe('quota-exhausted');
  });

  it('OpenRouter/DeepSeek 402 is quota exhaustion', () => {
    const verdict = classify(
      fixture(402, { error: { message: 'Insufficient Balance', type: 'unknown_error' } }),
    );
    expect(verdict.keyOutcome.kind).toBe('quota-exhausted');
    expect(verdict.error).toMatchObject({ quota: true });
  });

  it('a quota error keeps an explicit retry-after but not rate-window resets', () => {
    expect(
      classify({ ...OPENAI_429_QUOTA, headers: { 'x-ratelimit-reset-tokens': '6s' } }).keyOutcome,
    ).toEqual({
      kind: 'quota-exhausted',
      retryAfterMs: undefined,
    });
    expect(
      classify({ ...OPENAI_429_QUOTA, headers: { 'retry-after': '3600' } }).keyOutcome,
    ).toEqual({
      kind: 'quota-exhausted',
      retryAfterMs: 3_600_000,
    });
  });

  it("a Google RetryInfo delay counts as the upstream's retry-after", () => {
    const body = [
      {
        error: {
          code: 429,
          message: 'Resource exhausted',
          status: 'RESOURCE_EXHAUSTED',
          details: [{ retryDelay: '37s' }],
        },
      },
    ];
    expect(classify(fixture(429, body)).keyOutcome).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 37_000,
    });
  });
});

describe('classifyUpstreamResponse: OpenAI and Azure statuses', () => {
  it.each([
    [OPENAI_400.name, OPENAI_400, 'neutral', 'give-up'],
    [OPENAI_401.name, OPENAI_401, 'unauthorized', 'other-key'],
    [OPENAI_500.name, OPENAI_500, 'neutral', 'backoff'],
    [AZURE_401.name, AZURE_401, 'unauthorized', 'other-key'],
    [AZURE_400_FILTER.name, AZURE_400_FILTER, 'neutral', 'give-up'],
    [AZURE_404.name, AZURE_404, 'neutral', 'give-up'],
  ] as const)('%s -> %s, %s', (_name, f, outcome, next) => {
    const verdict = classify(f);
    expect(verdict.keyOutcome.kind).toBe(outcome);
    expect(verdict.next).toBe(next);
  });

  it('keeps the OpenAI code for the client', () => {
    expect(classify(OPENAI_400).error).toMatchObject({
      upstreamType: 'invalid_request_error',
      upstreamCode: 'unsupported_parameter',
    });
    expect(classify(AZURE_400_FILTER).error).toMatchObject({ upstreamCode: 'content_filter' });
  });
});

describe('classifyUpstreamResponse: other statuses and x-should-retry', () => {
  it.each([
    [408, 'give-up'],
    [409, 'give-up'],
    [422, 'give-up'],
    [502, 'backoff'],
    [503, 'backoff'],
    [599, 'backoff'],
  ])('%i -> %s', (status, next) => {
    const verdict = classify(fixture(status, ''));
    expect(verdict.keyOutcome).toEqual({ kind: 'neutral' });
    expect(verdict.next).toBe(next);
  });

  it('x-should-retry: false stops a retry of a 5xx', () => {
    expect(classify(fixture(503, '', { 'x-should-retry': 'false' })).next).toBe('give-up');
    expect(classify({ ...byStatus(529), headers: { 'x-should-retry': 'False' } }).next).toBe(
      'give-up',
    );
  });

  it('x-should-retry: true makes a 4xx worth a retry', () => {
    expect(classify(fixture(409, '', { 'x-should-retry': 'true' })).next).toBe('backoff');
    expect(
      classify(fixture(400, { error: { message: 'x' } }, { 'x-should-retry': 'true' })).next,
    ).toBe('backoff');
  });

  it('x-should-retry does not override key failover', () => {
    expect(classify(fixture(429, '', { 'x-should-retry': 'false' })).next).toBe('other-key');
    expect(classify(fixture(401, '', { 'x-should-retry': 'true' })).next).toBe('other-key');
  });

  it('passes a retry-after of a 503 to the backoff', () => {
    expect(classify(fixture(503, '', { 'retry-after': '2' })).error).toMatchObject({
      retryAfterMs: 2000,
    });
  });

  it('names the status when the body says nothing', () => {
    expect(classify(fixture(502, '')).error).toMatchObject({ message: 'Bad Gateway' });
    expect(
      classify(
        fixture(413, '<html><head><title>413 Request Entity Too Large</title></head></html>'),
      ).error,
    ).toMatchObject({
      message: '413 Request Entity Too Large',
    });
  });
});

describe('classifyUpstreamResponse: secrets never pass', () => {
  it('redacts our key wherever the upstream echoes it', () => {
    const body = {
      error: {
        type: 'authentication_error',
        message: `The key ${KEY} is not valid for ${KEY.slice(0, 20)}`,
      },
    };
    const verdict = classify(fixture(401, body));
    expect(verdict.error).toMatchObject({
      message: `The key ${REDACTED} is not valid for ${REDACTED}`,
    });
    expect(JSON.stringify(verdict)).not.toContain('FAKEKEY');
  });

  it("redacts OpenAI's masked echo of the key", () => {
    const verdict = classify(OPENAI_401);
    const message = verdict.error.kind === 'upstream-http' ? verdict.error.message : '';
    expect(message).toBe(
      `Incorrect API key provided: ${REDACTED}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    );
    expect(JSON.stringify(verdict)).not.toMatch(/sk-test|\*{3}/);
  });

  it('redacts a key echoed in a non-JSON body excerpt', () => {
    const verdict = classify(fixture(500, `proxy error for key ${KEY}`));
    expect(JSON.stringify(verdict)).not.toContain(KEY);
  });
});
