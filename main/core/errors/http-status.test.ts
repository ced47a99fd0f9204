import { describe, expect, it } from 'vitest';
import {
  anthropicErrorType,
  CLIENT_CLOSED_REQUEST,
  openaiErrorType,
  statusOf,
} from './http-status.js';
import type { ProxyErrorKind } from './proxy-error.js';
import { SAMPLE_ERRORS, upstreamHttp } from './test-support/sample-errors.js';

describe('statusOf', () => {
  const expected: Record<ProxyErrorKind, number> = {
    'invalid-request': 400,
    'client-unauthorized': 401,
    'oauth-not-signed-in': 401,
    'forbidden-host': 403,
    'body-too-large': 413,
    'not-found': 404,
    routing: 400,
    'provider-unconfigured': 400,
    'conversion-unsupported': 400,
    'no-healthy-key': 429,
    'upstream-http': 529,
    'upstream-network': 502,
    'upstream-timeout': 504,
    'client-aborted': CLIENT_CLOSED_REQUEST,
    internal: 500,
  };

  it.each(Object.entries(expected))('maps %s to %i', (kind, status) => {
    expect(statusOf(SAMPLE_ERRORS[kind as ProxyErrorKind])).toBe(status);
  });

  it('answers 401, not 429, when every key is invalid (waiting will not help)', () => {
    expect(statusOf({ ...SAMPLE_ERRORS['no-healthy-key'], allInvalid: true })).toBe(401);
  });

  it.each([400, 401, 402, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504, 529])(
    'keeps the upstream status %i so retry semantics reach the client',
    (status) => {
      expect(statusOf(upstreamHttp({ status }))).toBe(status);
    },
  );

  it.each([200, 302, 399, 600, 0, Number.NaN])(
    'turns the non-error upstream status %s into 502',
    (status) => {
      expect(statusOf(upstreamHttp({ status }))).toBe(502);
    },
  );
});

describe('anthropicErrorType', () => {
  // Every status/type pair of anthropic-messages-error-midstream.txt (platform.claude.com/docs/en/api/errors).
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [402, 'billing_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [504, 'timeout_error'],
    [529, 'overloaded_error'],
  ])('maps %i to %s as the fixture does', (status, type) => {
    expect(anthropicErrorType(status)).toBe(type);
  });

  it.each([
    [405, 'invalid_request_error'],
    [408, 'invalid_request_error'],
    [422, 'invalid_request_error'],
    [499, 'invalid_request_error'],
    [502, 'api_error'],
    [503, 'api_error'],
  ])('maps the other status %i to %s', (status, type) => {
    expect(anthropicErrorType(status)).toBe(type);
  });
});

describe('openaiErrorType', () => {
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'invalid_request_error'],
    [422, 'invalid_request_error'],
    [429, 'rate_limit_error'],
    [500, 'server_error'],
    [502, 'server_error'],
    [504, 'server_error'],
    [529, 'server_error'],
  ])('maps %i to %s', (status, type) => {
    expect(openaiErrorType(status)).toBe(type);
  });
});
