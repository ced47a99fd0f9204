import { describe, expect, it } from 'vitest';
import { classifyUpstreamResponse } from './classify-upstream.js';
import { describeError } from './describe-error.js';
import { renderOpenAIError } from './render-openai-error.js';
import { ALL_SAMPLES, SAMPLE_ERRORS, upstreamHttp } from './test-support/sample-errors.js';
import {
  AZURE_400_FILTER,
  AZURE_429,
  OPENAI_400,
  OPENAI_429_QUOTA,
  OPENAI_429_RATE,
  OPENAI_500,
} from './test-support/upstream-fixtures.js';

const ID = 'req_vdm_test_0002';

describe('renderOpenAIError', () => {
  it('renders exactly the OpenAI error shape', () => {
    expect(renderOpenAIError(SAMPLE_ERRORS['client-unauthorized'], ID)).toEqual({
      status: 401,
      headers: { 'x-request-id': ID },
      body: {
        error: {
          message: describeError(SAMPLE_ERRORS['client-unauthorized']),
          type: 'authentication_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    });
  });

  it.each([
    ['invalid-request', 400, 'invalid_request_error', null],
    ['forbidden-host', 403, 'permission_error', null],
    ['body-too-large', 413, 'invalid_request_error', null],
    ['not-found', 404, 'not_found_error', null],
    ['routing', 400, 'invalid_request_error', null],
    ['conversion-unsupported', 400, 'invalid_request_error', null],
    ['no-healthy-key', 429, 'rate_limit_error', 'rate_limit_exceeded'],
    ['upstream-http', 529, 'server_error', null],
    ['upstream-network', 502, 'server_error', null],
    ['upstream-timeout', 504, 'server_error', null],
    ['internal', 500, 'server_error', null],
  ] as const)('%s -> %i %s (code %s)', (kind, status, type, code) => {
    const { status: s, body } = renderOpenAIError(SAMPLE_ERRORS[kind], ID);
    expect(s).toBe(status);
    expect(body.error).toEqual({
      message: describeError(SAMPLE_ERRORS[kind]),
      type,
      param: null,
      code,
    });
  });

  it('relays the fixture errors with their status and code', () => {
    const render = (f: typeof OPENAI_400) =>
      renderOpenAIError(
        classifyUpstreamResponse({ ...f, provider: 'openai', secrets: [], now: 0 }).error,
        ID,
      );
    expect(render(OPENAI_400)).toMatchObject({
      status: 400,
      body: { error: { type: 'invalid_request_error', code: 'unsupported_parameter' } },
    });
    expect(render(OPENAI_429_RATE)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' } },
    });
    expect(render(OPENAI_500)).toMatchObject({
      status: 500,
      body: { error: { type: 'server_error', code: null } },
    });
    expect(render(AZURE_400_FILTER)).toMatchObject({
      status: 400,
      body: { error: { code: 'content_filter' } },
    });
    expect(render(AZURE_429)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '6', 'retry-after-ms': '6000' },
    });
  });

  it('types exhausted quota as insufficient_quota and tells SDKs not to retry', () => {
    const rendered = renderOpenAIError(
      classifyUpstreamResponse({ ...OPENAI_429_QUOTA, provider: 'openai', secrets: [], now: 0 })
        .error,
      ID,
    );
    expect(rendered.status).toBe(429);
    expect(rendered.body.error).toMatchObject({
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
    expect(rendered.headers['x-should-retry']).toBe('false');
    const anthropicQuota = renderOpenAIError(upstreamHttp({ status: 402, quota: true }), ID);
    expect(anthropicQuota.body.error).toMatchObject({
      type: 'insufficient_quota',
      code: 'insufficient_quota',
    });
  });

  it('marks all-invalid keys as invalid_api_key', () => {
    const rendered = renderOpenAIError(
      { ...SAMPLE_ERRORS['no-healthy-key'], allInvalid: true },
      ID,
    );
    expect(rendered.status).toBe(401);
    expect(rendered.body.error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_api_key',
    });
  });

  it('always has exactly message, type, param and code', () => {
    for (const error of ALL_SAMPLES) {
      const { body } = renderOpenAIError(error, ID);
      expect(Object.keys(body)).toEqual(['error']);
      expect(Object.keys(body.error)).toEqual(['message', 'type', 'param', 'code']);
    }
  });
});
