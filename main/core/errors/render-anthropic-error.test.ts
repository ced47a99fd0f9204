import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { classifyUpstreamResponse } from './classify-upstream.js';
import { describeError } from './describe-error.js';
import { anthropicStreamErrorEvent, renderAnthropicError } from './render-anthropic-error.js';
import { ALL_SAMPLES, SAMPLE_ERRORS, upstreamHttp } from './test-support/sample-errors.js';
import { ANTHROPIC_ERRORS } from './test-support/upstream-fixtures.js';

const ID = 'req_vdm_test_0001';

function parseSse(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  return events;
}

describe('renderAnthropicError', () => {
  it('renders exactly the Anthropic error shape', () => {
    const rendered = renderAnthropicError(SAMPLE_ERRORS['invalid-request'], ID);
    expect(rendered).toEqual({
      status: 400,
      headers: { 'request-id': ID },
      body: {
        type: 'error',
        error: { type: 'invalid_request_error', message: SAMPLE_ERRORS['invalid-request'].message },
        request_id: ID,
      },
    });
    expect(JSON.stringify(rendered.body)).toBe(
      `{"type":"error","error":{"type":"invalid_request_error","message":${JSON.stringify(SAMPLE_ERRORS['invalid-request'].message)}},"request_id":"${ID}"}`,
    );
  });

  it.each([
    ['invalid-request', 400, 'invalid_request_error'],
    ['client-unauthorized', 401, 'authentication_error'],
    ['forbidden-host', 403, 'permission_error'],
    ['body-too-large', 413, 'request_too_large'],
    ['not-found', 404, 'not_found_error'],
    ['routing', 400, 'invalid_request_error'],
    ['provider-unconfigured', 400, 'invalid_request_error'],
    ['conversion-unsupported', 400, 'invalid_request_error'],
    ['no-healthy-key', 429, 'rate_limit_error'],
    ['upstream-http', 529, 'overloaded_error'],
    ['upstream-network', 502, 'api_error'],
    ['upstream-timeout', 504, 'timeout_error'],
    ['internal', 500, 'api_error'],
  ] as const)('%s -> %i %s', (kind, status, type) => {
    const rendered = renderAnthropicError(SAMPLE_ERRORS[kind], ID);
    expect(rendered.status).toBe(status);
    expect(rendered.body.error.type).toBe(type);
    expect(rendered.body.error.message).toBe(describeError(SAMPLE_ERRORS[kind]));
  });

  it.each(ANTHROPIC_ERRORS.map((f) => [f.name, f] as const))(
    'relays the fixture error %s with its own status and type',
    (_name, fixture) => {
      const { error } = classifyUpstreamResponse({
        ...fixture,
        provider: 'anthropic',
        secrets: [],
        now: 0,
      });
      const rendered = renderAnthropicError(error, ID);
      const upstream = JSON.parse(fixture.bodyText) as { error: { type: string; message: string } };
      expect(rendered.status).toBe(fixture.status);
      expect(rendered.body.error.type).toBe(upstream.error.type);
      expect(rendered.body.error.message).toContain(upstream.error.message);
    },
  );

  it('turns an OpenAI-typed 401 into authentication_error', () => {
    const error = upstreamHttp({
      provider: 'openai',
      status: 401,
      upstreamType: 'invalid_request_error',
      message: 'Incorrect API key',
    });
    expect(renderAnthropicError(error, ID).body.error.type).toBe('authentication_error');
  });

  it('answers 401 authentication_error when every key is invalid, without retry-after', () => {
    const rendered = renderAnthropicError(
      { ...SAMPLE_ERRORS['no-healthy-key'], allInvalid: true },
      ID,
    );
    expect(rendered.status).toBe(401);
    expect(rendered.body.error.type).toBe('authentication_error');
    expect(rendered.headers['retry-after']).toBeUndefined();
  });

  it('adds retry-after in whole seconds, rounded up, and retry-after-ms', () => {
    expect(renderAnthropicError(SAMPLE_ERRORS['no-healthy-key'], ID).headers).toEqual({
      'retry-after': '17',
      'retry-after-ms': '17000',
      'request-id': ID,
    });
    expect(
      renderAnthropicError(upstreamHttp({ status: 429, retryAfterMs: 6570 }), ID).headers,
    ).toMatchObject({
      'retry-after': '7',
      'retry-after-ms': '6570',
    });
    expect(
      renderAnthropicError(SAMPLE_ERRORS['upstream-http'], ID).headers['retry-after'],
    ).toBeUndefined();
  });

  it('tells SDKs not to retry an exhausted quota', () => {
    const rendered = renderAnthropicError(
      upstreamHttp({ status: 429, quota: true, message: 'Spend limit reached.' }),
      ID,
    );
    expect(rendered.status).toBe(429);
    expect(rendered.body.error.type).toBe('rate_limit_error');
    expect(rendered.headers['x-should-retry']).toBe('false');
  });

  it('never leaks anything but the described message', () => {
    for (const error of ALL_SAMPLES) {
      const { body } = renderAnthropicError(error, ID);
      expect(Object.keys(body)).toEqual(['type', 'error', 'request_id']);
      expect(Object.keys(body.error)).toEqual(['type', 'message']);
    }
  });
});

describe('anthropicStreamErrorEvent', () => {
  it('is one SSE event named error whose data is the Anthropic error object', () => {
    const text = anthropicStreamErrorEvent(SAMPLE_ERRORS['upstream-http'], ID);
    expect(text.startsWith('event: error\ndata: ')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(true);
    const events = parseSse(text);
    expect(events).toHaveLength(1);
    expect(events[0]?.event).toBe('error');
    expect(JSON.parse(events[0]?.data ?? '')).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: describeError(SAMPLE_ERRORS['upstream-http']) },
      request_id: ID,
    });
  });

  it('keeps the data on one line even when the message has line breaks', () => {
    const text = anthropicStreamErrorEvent(
      { kind: 'internal', message: 'line one\nline two\r\n' },
      ID,
    );
    expect(text.split('\n')).toHaveLength(4);
    const events = parseSse(text);
    expect(
      (JSON.parse(events[0]?.data ?? '') as { error: { message: string } }).error.message,
    ).toBe('line one\nline two\r\n');
  });

  it('names the failure of a stream cut mid-way', () => {
    const error = {
      kind: 'upstream-timeout',
      provider: 'anthropic',
      phase: 'idle',
      timeoutMs: 120_000,
    } as const;
    const data = JSON.parse(parseSse(anthropicStreamErrorEvent(error, ID))[0]?.data ?? '') as {
      error: { type: string };
    };
    expect(data.error.type).toBe('timeout_error');
  });
});
