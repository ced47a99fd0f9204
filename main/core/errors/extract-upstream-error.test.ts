import { describe, expect, it } from 'vitest';
import { excerptOf, extractUpstreamError } from './extract-upstream-error.js';
import {
  ANTHROPIC_ERRORS,
  AZURE_400_FILTER,
  AZURE_401,
  AZURE_404,
  BEDROCK_429,
  OPENAI_429_QUOTA,
  VERTEX_429,
} from './test-support/upstream-fixtures.js';

describe('extractUpstreamError', () => {
  it.each(ANTHROPIC_ERRORS.map((f) => [f.name, f] as const))(
    'reads the Anthropic envelope: %s',
    (_name, fixture) => {
      const info = extractUpstreamError(fixture.bodyText, fixture.headers);
      const expected = (
        JSON.parse(fixture.bodyText) as { error: { type: string; message: string } }
      ).error;
      expect(info.type).toBe(expected.type);
      expect(info.message).toBe(expected.message);
    },
  );

  it('reads the OpenAI envelope with its code', () => {
    const info = extractUpstreamError(OPENAI_429_QUOTA.bodyText, {});
    expect(info).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(info.message).toMatch(/^You exceeded your current quota/);
  });

  it("reads Azure's envelopes and drops a code that only repeats the status", () => {
    expect(extractUpstreamError(AZURE_401.bodyText, {})).toMatchObject({
      type: undefined,
      code: undefined,
    });
    expect(extractUpstreamError(AZURE_404.bodyText, {})).toMatchObject({
      code: 'DeploymentNotFound',
    });
    expect(extractUpstreamError(AZURE_400_FILTER.bodyText, {})).toMatchObject({
      type: undefined,
      code: 'content_filter',
    });
  });

  it('reads the Google envelope inside an array, status as the type', () => {
    const info = extractUpstreamError(VERTEX_429.bodyText, {});
    expect(info.type).toBe('RESOURCE_EXHAUSTED');
    expect(info.code).toBeUndefined();
    expect(info.message).toMatch(/^Quota exceeded for aiplatform/);
  });

  it("reads Google's RetryInfo delay", () => {
    const body = JSON.stringify({
      error: {
        code: 429,
        message: 'Resource has been exhausted',
        status: 'RESOURCE_EXHAUSTED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '37s' }],
      },
    });
    expect(extractUpstreamError(body, {}).retryDelayMs).toBe(37_000);
  });

  it("reads Anthropic's spend-cap detail code", () => {
    const body = JSON.stringify({
      type: 'error',
      error: {
        type: 'rate_limit_error',
        message: 'limit',
        details: { error_code: 'enforced_spend_limit_reached' },
      },
    });
    expect(extractUpstreamError(body, {}).detailCode).toBe('enforced_spend_limit_reached');
  });

  it('reads Bedrock: message in the body, type in x-amzn-ErrorType', () => {
    expect(extractUpstreamError(BEDROCK_429.bodyText, BEDROCK_429.headers)).toMatchObject({
      type: 'ThrottlingException',
      message: 'Too many requests, please wait before trying again.',
    });
    expect(
      extractUpstreamError('{"__type":"com.amazon#ValidationException","message":"bad"}', {}).type,
    ).toBe('ValidationException');
  });

  it('reads the small-server shapes {"error": "..."} and {"detail": "..."}', () => {
    expect(extractUpstreamError('{"error":"model \\"llama9\\" not found"}', {}).message).toBe(
      'model "llama9" not found',
    );
    expect(extractUpstreamError('{"detail":"Not authenticated"}', {}).message).toBe(
      'Not authenticated',
    );
  });

  it("falls back to the title of Cloudflare's HTML 413 page", () => {
    const html =
      '<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';
    expect(extractUpstreamError(html, {}).message).toBe('413 Request Entity Too Large');
  });

  it('falls back to a short excerpt of a plain or unknown body', () => {
    expect(
      extractUpstreamError('upstream connect error or disconnect/reset before headers', {}).message,
    ).toBe('upstream connect error or disconnect/reset before headers');
    const long = extractUpstreamError('x'.repeat(5000), {}).message ?? '';
    expect(long.length).toBe(300);
    expect(long.endsWith('…')).toBe(true);
    expect(extractUpstreamError('{"unexpected":true}', {}).message).toBe('{"unexpected":true}');
    expect(extractUpstreamError('', {}).message).toBeUndefined();
  });
});

describe('excerptOf', () => {
  it('strips tags and collapses whitespace when there is no title', () => {
    expect(excerptOf('<p>Bad\n\n  <b>gateway</b></p>')).toBe('Bad gateway');
    expect(excerptOf('   ')).toBeUndefined();
  });
});
