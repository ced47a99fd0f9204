import { describe, expect, it } from 'vitest';
import {
  assembleMessage,
  encode,
  fixtureResponseBody,
  parseAnthropicSse,
  type SseEvent,
} from '../openai-chat/stream-test-support.js';
import { unsealReasoning } from './reasoning-signature.js';
import { ResponsesStreamTranslator } from './stream.js';

const FIXTURE = 'openai-responses-stream-tools.txt';
const OPTIONS = {
  requestedModel: 'claude-sonnet-4-5',
  messageId: 'msg_r',
  requestId: 'req_r',
  provider: 'openai',
  inputTokensEstimate: 2000,
} as const;

function run(text: string, options = OPTIONS): SseEvent[] {
  const translator = new ResponsesStreamTranslator(options);
  return parseAnthropicSse(translator.push(encode(text)) + translator.end());
}

const deltas = (events: readonly SseEvent[], type: string): unknown[] =>
  events
    .filter((e) => e.event === 'content_block_delta')
    .map((e) => e.data['delta'] as Record<string, unknown>)
    .filter((d) => d['type'] === type);

describe('ResponsesStreamTranslator on the fixture transcript', () => {
  const events = run(fixtureResponseBody(FIXTURE));

  it('gives thinking, text and a tool call, with usage minus cached tokens', () => {
    const message = assembleMessage(events);
    expect(message.content).toEqual([
      {
        type: 'thinking',
        thinking:
          '**Checking Lisbon weather**\n\nThe user wants current conditions, so I will call get_weather.',
      },
      { type: 'text', text: 'Let me check the current weather in Lisbon.' },
      {
        type: 'tool_use',
        id: 'call_test000000000000000000001',
        name: 'get_weather',
        input: { city: 'Lisbon' },
      },
    ]);
    expect(message.stopReason).toBe('tool_use');
    expect(message.usage).toEqual({
      input_tokens: 2214 - 1920,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 1920,
      output_tokens: 187,
    });
    expect(events[0]?.data['message']).toMatchObject({
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 2000 },
    });
  });

  it('streams text and tool arguments incrementally, never appending the *.done repeats', () => {
    expect(deltas(events, 'input_json_delta')).toEqual([
      { type: 'input_json_delta', partial_json: '{"city"' },
      { type: 'input_json_delta', partial_json: ':"Lis' },
      { type: 'input_json_delta', partial_json: 'bon"}' },
    ]);
    expect(deltas(events, 'thinking_delta')).toHaveLength(3);
    expect(deltas(events, 'text_delta').length).toBeGreaterThan(1);
  });

  it('carries the complete encrypted reasoning (from output_item.done) as the thinking signature', () => {
    const [signature] = deltas(events, 'signature_delta') as { signature: string }[];
    expect(unsealReasoning(signature?.signature, 'openai')).toBe(
      'gAAAAABtest-encrypted-reasoning-complete-not-real-0000000000000000000000000000',
    );
    expect(unsealReasoning(signature?.signature, 'another-provider')).toBeUndefined();
  });
});

describe('ResponsesStreamTranslator errors', () => {
  it.each([
    [1, 500, 'api_error'],
    [2, 429, 'rate_limit_error'],
    [3, 500, 'api_error'],
  ])(
    'exchange %i (failed / flat error / nested error) ends with an Anthropic error event',
    (n, _status, type) => {
      const events = run(fixtureResponseBody(FIXTURE, n));
      expect(events[0]?.event).toBe('message_start');
      const last = events.at(-1);
      expect(last?.event).toBe('error');
      expect(last?.data['error']).toMatchObject({ type });
      expect(events.some((e) => e.event === 'message_stop')).toBe(false);
    },
  );

  it('keeps the message of a nested error event', () => {
    const events = run(fixtureResponseBody(FIXTURE, 3));
    expect(JSON.stringify(events.at(-1)?.data)).toContain('Unable to verify model access');
  });

  it('after text, an error mid-stream still ends in an error event and nothing after it', () => {
    const text =
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","output_index":0,"delta":"Hel"}\n\n' +
      'event: error\ndata: {"type":"error","code":"server_error","message":"boom","param":null}\n\n' +
      'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","output_index":0,"delta":"lo"}\n\n';
    const events = run(text);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'error',
    ]);
  });
});

describe('ResponsesStreamTranslator edge cases', () => {
  const frame = (data: Record<string, unknown>): string =>
    `event: ${String(data['type'])}\ndata: ${JSON.stringify(data)}\n\n`;

  it('an incomplete response (max_output_tokens) stops with max_tokens', () => {
    const events = run(
      frame({ type: 'response.output_text.delta', output_index: 0, delta: 'Long' }) +
        frame({
          type: 'response.incomplete',
          response: { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } },
        }),
    );
    expect(assembleMessage(events).stopReason).toBe('max_tokens');
  });

  it('a server that sends only output_item.done still yields the text and arguments once', () => {
    const events = run(
      frame({
        type: 'response.output_item.done',
        output_index: 0,
        item: { type: 'message', content: [{ type: 'output_text', text: 'Hi' }] },
      }) +
        frame({
          type: 'response.output_item.done',
          output_index: 1,
          item: { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
        }) +
        frame({ type: 'response.completed', response: { status: 'completed' } }),
    );
    expect(assembleMessage(events).content).toEqual([
      { type: 'text', text: 'Hi' },
      { type: 'tool_use', id: 'c1', name: 'f', input: { a: 1 } },
    ]);
  });

  it('restores sanitized tool names and opens no empty text block for a tool-only answer', () => {
    const translator = new ResponsesStreamTranslator({
      ...OPTIONS,
      restoreToolName: (n) => (n === 'mcp_x' ? 'mcp:x' : n),
    });
    const text =
      frame({
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'function_call', call_id: 'c', name: 'mcp_x', arguments: '' },
      }) +
      frame({ type: 'response.function_call_arguments.delta', output_index: 0, delta: '{}' }) +
      frame({ type: 'response.completed', response: { status: 'completed' } });
    const events = parseAnthropicSse(translator.push(encode(text)) + translator.end());
    expect(assembleMessage(events).content).toEqual([
      { type: 'tool_use', id: 'c', name: 'mcp:x', input: {} },
    ]);
  });
});
