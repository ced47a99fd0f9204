import { describe, expect, it } from 'vitest';
import { classifyNetworkError, isRetryableNetworkError } from './classify-network-error.js';
import type { ProxyError } from './proxy-error.js';

const TIMEOUTS = { connectMs: 10_000, headersMs: 90_000, idleMs: 120_000 };

/** Shaped like undici's errors: a stable `code`, and a message we must not depend on. */
function coded(code: string, message = 'words that may change between versions'): Error {
  return Object.assign(new Error(message), { code });
}

const classify = (error: unknown): ProxyError => classifyNetworkError(error, 'openai', TIMEOUTS);

describe('classifyNetworkError', () => {
  it.each([
    ['UND_ERR_CONNECT_TIMEOUT', 'connect', 10_000],
    ['UND_ERR_HEADERS_TIMEOUT', 'headers', 90_000],
    ['UND_ERR_BODY_TIMEOUT', 'idle', 120_000],
  ])('%s -> upstream-timeout in phase %s', (code, phase, timeoutMs) => {
    expect(classify(coded(code))).toEqual({
      kind: 'upstream-timeout',
      provider: 'openai',
      phase,
      timeoutMs,
    });
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'UND_ERR_SOCKET',
    'EPIPE',
    'UND_ERR_CLOSED',
    'EAI_AGAIN',
    'CERT_HAS_EXPIRED',
  ])('%s -> upstream-network naming the provider and the code', (code) => {
    const error = classify(coded(code));
    expect(error).toMatchObject({ kind: 'upstream-network', provider: 'openai', code });
    const message = error.kind === 'upstream-network' ? error.message : '';
    expect(message).toContain('openai');
    expect(message).toContain(code);
  });

  it('words the common codes for people', () => {
    expect(classify(coded('ECONNREFUSED'))).toMatchObject({
      message: 'openai: connection refused (ECONNREFUSED).',
    });
    expect(classify(coded('ENOTFOUND'))).toMatchObject({
      message: 'openai: host name not found in DNS (ENOTFOUND).',
    });
  });

  it('passes an unknown code through', () => {
    expect(classify(coded('EWEIRD'))).toEqual({
      kind: 'upstream-network',
      provider: 'openai',
      code: 'EWEIRD',
      message: 'openai: network failure (EWEIRD).',
    });
  });

  it.each([
    ['undici UND_ERR_ABORTED', coded('UND_ERR_ABORTED')],
    [
      "Node's AbortError (code ABORT_ERR)",
      Object.assign(new Error('x'), { name: 'AbortError', code: 'ABORT_ERR' }),
    ],
    ['a DOMException AbortError', new DOMException('This operation was aborted', 'AbortError')],
  ])('%s -> client-aborted', (_name, error) => {
    expect(classify(error)).toEqual({ kind: 'client-aborted' });
  });

  it('finds the code on the cause (fetch wraps undici errors in a TypeError)', () => {
    const wrapped = new TypeError('fetch failed', { cause: coded('ECONNRESET') });
    expect(classify(wrapped)).toMatchObject({ kind: 'upstream-network', code: 'ECONNRESET' });
    const deeper = new Error('outer', {
      cause: new Error('middle', { cause: coded('UND_ERR_CONNECT_TIMEOUT') }),
    });
    expect(classify(deeper)).toMatchObject({ kind: 'upstream-timeout', phase: 'connect' });
  });

  it('never classifies by message text', () => {
    expect(classify(coded('ECONNREFUSED', 'Headers Timeout Error'))).toMatchObject({
      kind: 'upstream-network',
      code: 'ECONNREFUSED',
    });
    expect(classify(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toMatchObject({
      kind: 'internal',
    });
  });

  it('reports an error without a code as internal, by name only', () => {
    const error = classify(
      new TypeError('Cannot read properties of undefined (reading sk-secret)'),
    );
    expect(error).toEqual({
      kind: 'internal',
      message:
        'Calling openai failed inside the proxy (TypeError); this is a bug, please report it.',
    });
    expect(classify('a string')).toMatchObject({ kind: 'internal' });
    expect(classify(undefined)).toMatchObject({ kind: 'internal' });
    expect(classify(null)).toMatchObject({ kind: 'internal' });
  });
});

describe('isRetryableNetworkError', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'UND_ERR_SOCKET',
    'EPIPE',
    'UND_ERR_CLOSED',
    'ETIMEDOUT',
    'EAI_AGAIN',
  ])('retries %s', (code) => {
    expect(isRetryableNetworkError(classify(coded(code)))).toBe(true);
  });

  it.each(['ENOTFOUND', 'CERT_HAS_EXPIRED', 'ERR_INVALID_URL', 'EWEIRD'])(
    'does not retry %s (a retry cannot fix it)',
    (code) => {
      expect(isRetryableNetworkError(classify(coded(code)))).toBe(false);
    },
  );

  it('retries connect and headers timeouts, not an idle timeout mid-body', () => {
    expect(isRetryableNetworkError(classify(coded('UND_ERR_CONNECT_TIMEOUT')))).toBe(true);
    expect(isRetryableNetworkError(classify(coded('UND_ERR_HEADERS_TIMEOUT')))).toBe(true);
    expect(isRetryableNetworkError(classify(coded('UND_ERR_BODY_TIMEOUT')))).toBe(false);
  });

  it('never retries for a client that left, nor other kinds', () => {
    expect(isRetryableNetworkError({ kind: 'client-aborted' })).toBe(false);
    expect(isRetryableNetworkError({ kind: 'internal', message: 'x' })).toBe(false);
  });
});
