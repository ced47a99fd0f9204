import { describe, expect, it } from 'vitest';
import { describeRoutingError } from '../routing/describe-routing-error.js';
import type { RoutingError } from '../routing/model.js';
import { describeError } from './describe-error.js';
import { ALL_SAMPLES, SAMPLE_ERRORS, upstreamHttp } from './test-support/sample-errors.js';

describe('describeError', () => {
  it.each(ALL_SAMPLES.map((e) => [e.kind, e] as const))(
    'words %s as one readable line',
    (_kind, error) => {
      const text = describeError(error);
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toMatch(/[\n\r]|undefined|\[object|at .*\.ts:\d+/);
    },
  );

  it('says what happened and what to do for a headers timeout', () => {
    expect(describeError(SAMPLE_ERRORS['upstream-timeout'])).toBe(
      "openai did not send response headers within 90 s. Raise REQUEST_TIMEOUT or the provider's timeout, or try again.",
    );
    expect(
      describeError({
        kind: 'upstream-timeout',
        provider: 'groq',
        phase: 'connect',
        timeoutMs: 10_000,
      }),
    ).toBe(
      'groq did not accept a connection within 10 s. Check its base URL and your network, or try again.',
    );
    expect(
      describeError({
        kind: 'upstream-timeout',
        provider: 'groq',
        phase: 'idle',
        timeoutMs: 300_000,
      }),
    ).toMatch(/^groq sent nothing for 5 min in the middle of its response\./);
  });

  it('explains the DNS-rebinding guard', () => {
    expect(describeError(SAMPLE_ERRORS['forbidden-host'])).toBe(
      'Host "evil.example:8082" is not this server\'s address; requests must use 127.0.0.1 or localhost (DNS-rebinding protection).',
    );
    expect(describeError({ kind: 'forbidden-host', host: '' })).toMatch(
      /^A missing Host header is not/,
    );
    expect(describeError({ kind: 'forbidden-host', host: 'a\r\nb' })).toContain('Host "a??b"');
  });

  it('tells the client how to present the proxy key', () => {
    const text = describeError({ kind: 'client-unauthorized' });
    expect(text).toContain('PROXY_API_KEY');
    expect(text).toContain('x-api-key');
    expect(text).toContain('Authorization: Bearer');
  });

  it('names the body limit in readable units', () => {
    expect(describeError(SAMPLE_ERRORS['body-too-large'])).toMatch(
      /^The request body is larger than the proxy's limit of 32 MB\./,
    );
  });

  it('lists the served routes on a 404 and bounds the echoed path', () => {
    expect(describeError(SAMPLE_ERRORS['not-found'])).toMatch(
      /^There is no GET \/v1\/nope on this proxy\. It serves POST \/v1\/messages/,
    );
    const long = describeError({ kind: 'not-found', method: 'GET', path: `/${'a'.repeat(1000)}` });
    expect(long.length).toBeLessThan(400);
  });

  it('uses the routing module for routing errors', () => {
    const error: RoutingError = {
      kind: 'unknown-provider',
      prefix: 'nope',
      known: [],
      model: 'nope:x',
    };
    expect(describeError({ kind: 'routing', error, model: 'nope:x' })).toBe(
      describeRoutingError(error),
    );
  });

  it('names the provider and what is missing for a partial provider', () => {
    expect(describeError(SAMPLE_ERRORS['provider-unconfigured'])).toBe(
      'Provider "azure" is not fully configured: base-url is missing. Complete it in the environment, vandamme-config.toml or the app window, then retry.',
    );
  });

  it('passes through messages that were written for people already', () => {
    expect(describeError(SAMPLE_ERRORS['invalid-request'])).toBe(
      SAMPLE_ERRORS['invalid-request'].message,
    );
    expect(describeError(SAMPLE_ERRORS['conversion-unsupported'])).toBe(
      SAMPLE_ERRORS['conversion-unsupported'].message,
    );
    expect(describeError(SAMPLE_ERRORS.internal)).toBe(SAMPLE_ERRORS.internal.message);
  });

  it('distinguishes all-invalid keys from keys that are only resting', () => {
    expect(describeError(SAMPLE_ERRORS['no-healthy-key'])).toBe(
      'No API key of openai can be used right now (…aaaa rate-limited, …bbbb invalid). Retry in 17 s, or add another key.',
    );
    expect(
      describeError({ ...SAMPLE_ERRORS['no-healthy-key'], retryAfterMs: undefined, detail: '' }),
    ).toBe('No API key of openai can be used right now. Retry later, or add another key.');
    expect(
      describeError({
        ...SAMPLE_ERRORS['no-healthy-key'],
        allInvalid: true,
        detail: '…aaaa invalid',
      }),
    ).toBe(
      "Every API key of openai was rejected as invalid (…aaaa invalid). Replace them in OPENAI_API_KEY, vandamme-config.toml or the app's Keys page.",
    );
  });

  it("keeps the upstream's words and adds the remedy", () => {
    expect(
      describeError(
        upstreamHttp({
          status: 400,
          upstreamType: 'invalid_request_error',
          message: 'max_tokens: too large',
        }),
      ),
    ).toBe('anthropic answered HTTP 400 invalid_request_error: max_tokens: too large.');
    expect(describeError(upstreamHttp({ status: 529 }))).toBe(
      'anthropic answered HTTP 529 overloaded_error: Overloaded. anthropic is overloaded; retry in a moment.',
    );
    expect(
      describeError(
        upstreamHttp({
          provider: 'openai',
          status: 429,
          upstreamType: undefined,
          message: 'Slow down.',
          retryAfterMs: 7000,
        }),
      ),
    ).toBe('openai answered HTTP 429: Slow down. Retry in 7 s, or add another key.');
    expect(
      describeError(
        upstreamHttp({
          provider: 'azure_openai',
          status: 401,
          upstreamType: undefined,
          message: 'Access denied',
        }),
      ),
    ).toContain('AZURE_OPENAI_API_KEY');
    expect(describeError(upstreamHttp({ status: 404, message: 'model: x' }))).toContain(
      'Check the model name',
    );
    expect(
      describeError(upstreamHttp({ status: 413, message: 'Request exceeds the maximum size' })),
    ).toContain('Send less');
    expect(describeError(upstreamHttp({ status: 503, retryAfterMs: 2000 }))).toContain(
      "The fault is on anthropic's side; retry in 2 s.",
    );
  });

  it('says that retrying will not cure an exhausted quota', () => {
    const text = describeError(
      upstreamHttp({
        provider: 'openai',
        status: 429,
        quota: true,
        upstreamType: 'insufficient_quota',
        message: 'You exceeded your current quota.',
      }),
    );
    expect(text).toBe(
      'openai answered HTTP 429 insufficient_quota: You exceeded your current quota. The quota, credit or spend limit behind this openai key is used up: add credit or another key; retrying will not help.',
    );
  });

  it('adds advice to network failures by kind of code', () => {
    expect(describeError(SAMPLE_ERRORS['upstream-network'])).toBe(
      "ollama: connection refused (ECONNREFUSED). Check ollama's base URL and that its server is running and reachable, then retry.",
    );
    expect(
      describeError({
        kind: 'upstream-network',
        provider: 'x',
        code: 'ECONNRESET',
        message: 'x: connection reset (ECONNRESET).',
      }),
    ).toBe(
      'x: connection reset (ECONNRESET). Retry; if it keeps happening, check your network or proxy settings.',
    );
  });
});
