import { describe, expect, it } from 'vitest';
import { ChatStreamTranslator, type ChatStreamOptions } from './stream.js';
import {
  assembleMessage,
  chatChunk,
  delta,
  encode,
  fixtureResponseBody,
  parseAnthropicSse,
  type SseEvent,
} from './stream-test-support.js';

const OPTIONS: ChatStreamOptions = {
  requestedModel: 'claude-sonnet-4-6',
  messageId: 'msg_case',
  requestId: 'req_case',
  provider: 'deepseek',
};

function run(body: string, options: Partial<ChatStreamOptions> = {}): SseEvent[] {
  const translator = new ChatStreamTranslator({ ...OPTIONS, ...options });
  return parseAnthropicSse(translator.push(encode(body)) + translator.end());
}

function blockStarts(events: readonly SseEvent[]): unknown[] {
  return events
    .filter((e) => e.event === 'content_block_start')
    .map((e) => (e.data['content_block'] as Record<string, unknown>)['type']);
}

const call = (index: number, fields: Record<string, unknown>): string =>
  delta({ tool_calls: [{ index, ...fields }] });

describe('ChatStreamTranslator cases', () => {
  it('turns reasoning_content into a thinking block closed before the tool call', () => {
    const events = run(fixtureResponseBody('openai-chat-reasoning-content.txt'));
    expect(assembleMessage(events)).toMatchObject({
      content: [
        {
          type: 'thinking',
          thinking: "The user wants Lisbon's weather. I should call get_weather.",
        },
        { type: 'tool_use', id: 'call_00_test000000000000000001', input: { city: 'Lisbon' } },
      ],
      stopReason: 'tool_use',
    });
    const stopThinking = events.findIndex((e) => e.event === 'content_block_stop');
    const startTool = events.findIndex(
      (e) => e.event === 'content_block_start' && e.data['index'] === 1,
    );
    expect(stopThinking).toBeLessThan(startTool);
  });

  it('closes the thinking block before text and reads `reasoning` too', () => {
    const body =
      delta({ reasoning: 'hmm' }) +
      delta({ content: 'Hi' }) +
      delta({}, 'stop') +
      'data: [DONE]\n\n';
    const events = run(body);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(assembleMessage(events).content).toEqual([
      { type: 'thinking', thinking: 'hmm' },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('drops reasoning when reasoningAsThinking is false', () => {
    const body =
      delta({ reasoning_content: 'hmm' }) + delta({ content: 'Hi' }) + 'data: [DONE]\n\n';
    expect(blockStarts(run(body, { reasoningAsThinking: false }))).toEqual(['text']);
  });

  it('sends no text block for a tool-only answer (empty and null content ignored)', () => {
    const body =
      delta({ role: 'assistant', content: '' }) +
      delta({
        content: null,
        tool_calls: [
          { index: 0, id: 'c1', type: 'function', function: { name: 'f', arguments: '' } },
        ],
      }) +
      call(0, { function: { arguments: '{}' } }) +
      delta({}, 'tool_calls') +
      'data: [DONE]\n\n';
    expect(blockStarts(run(body))).toEqual(['tool_use']);
  });

  it('keeps interleaved parallel calls on their own block indices, streaming each fragment at once', () => {
    const body =
      call(0, { id: 'a', function: { name: 'f', arguments: '{"x":' } }) +
      call(1, { id: 'b', function: { name: 'g', arguments: '{"y":' } }) +
      call(0, { function: { arguments: '1}' } }) +
      call(1, { function: { arguments: '2}' } }) +
      delta({}, 'tool_calls') +
      'data: [DONE]\n\n';
    const events = run(body);
    const deltas = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => [e.data['index'], (e.data['delta'] as Record<string, unknown>)['partial_json']]);
    expect(deltas).toEqual([
      [0, '{"x":'],
      [1, '{"y":'],
      [0, '1}'],
      [1, '2}'],
    ]);
    expect(assembleMessage(events).content).toEqual([
      { type: 'tool_use', id: 'a', name: 'f', input: { x: 1 } },
      { type: 'tool_use', id: 'b', name: 'g', input: { y: 2 } },
    ]);
  });

  it('streams each fragment as it arrives, not at the end', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    translator.push(encode(call(0, { id: 'a', function: { name: 'f', arguments: '' } })));
    const out = parseAnthropicSse(
      translator.push(encode(call(0, { function: { arguments: '{"q"' } }))),
    );
    expect(out).toEqual([
      {
        event: 'content_block_delta',
        data: {
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'input_json_delta', partial_json: '{"q"' },
        },
      },
    ]);
  });

  it('holds fragments that arrive before the name, then opens the block with them', () => {
    const body =
      call(0, { id: 'a', function: { arguments: '{"x":' } }) +
      call(0, { function: { name: 'f', arguments: '1}' } }) +
      'data: [DONE]\n\n';
    expect(assembleMessage(run(body)).content).toEqual([
      { type: 'tool_use', id: 'a', name: 'f', input: { x: 1 } },
    ]);
  });

  it('makes up an id for a call that never got one', () => {
    const body = call(0, { function: { name: 'f', arguments: '{}' } }) + 'data: [DONE]\n\n';
    expect(assembleMessage(run(body))).toMatchObject({
      content: [{ type: 'tool_use', id: 'toolu_msg_case_0', name: 'f', input: {} }],
      stopReason: 'tool_use',
    });
  });

  it('waits for the usage chunk after the finish chunk, and for [DONE]', () => {
    const translator = new ChatStreamTranslator({ ...OPTIONS, inputTokensEstimate: 50 });
    const first = translator.push(encode(delta({ content: 'ok' }) + delta({}, 'length')));
    expect(first).not.toContain('message_delta');
    const usage = chatChunk({
      choices: [],
      usage: {
        prompt_tokens: 40,
        completion_tokens: 7,
        prompt_tokens_details: { cached_tokens: 10 },
      },
    });
    const rest = translator.push(encode(usage + 'data: [DONE]\n\n'));
    const messageDelta = parseAnthropicSse(rest).find((e) => e.event === 'message_delta');
    expect(messageDelta?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens', stop_sequence: null },
      usage: {
        input_tokens: 30,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 10,
        output_tokens: 7,
      },
    });
    expect(translator.finished).toBe(true);
    expect(translator.push(encode(delta({ content: 'late' })))).toBe('');
    expect(translator.end()).toBe('');
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['content_filter', 'refusal'],
    ['tool_calls', 'tool_use'],
  ])('maps finish_reason %s to %s', (finish, stop) => {
    const events = run(delta({ content: 'x' }) + delta({}, finish) + 'data: [DONE]\n\n');
    expect(assembleMessage(events).stopReason).toBe(stop);
  });

  it('turns a mid-stream error chunk into one error event and then nothing', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const body =
      delta({ content: 'partial' }) +
      'data: {"error":{"message":"The server had an error","type":"server_error","param":null,"code":null}}\n\n' +
      delta({ content: 'after' });
    const events = parseAnthropicSse(translator.push(encode(body)));
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'error',
    ]);
    expect(events[3]?.data).toMatchObject({
      type: 'error',
      error: { type: 'api_error' },
      request_id: 'req_case',
    });
    expect(JSON.stringify(events[3]?.data)).toContain('The server had an error');
    expect(translator.finished).toBe(true);
    expect(translator.push(encode('data: [DONE]\n\n'))).toBe('');
    expect(translator.end()).toBe('');
    expect(translator.ping()).toBe('');
  });

  it('keeps a status named by the error code', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const out = translator.push(
      encode(
        'data: {"error":{"message":"slow down","type":"requests","code":"rate_limit_exceeded"}}\n\n',
      ),
    );
    expect(parseAnthropicSse(out).at(-1)?.data).toMatchObject({
      error: { type: 'rate_limit_error' },
    });
  });

  it('closes cleanly on end() without [DONE] or finish_reason', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const text =
      translator.push(
        encode(
          delta({ content: 'cut' }) +
            call(0, { id: 'a', function: { name: 'f', arguments: '{"a"' } }),
        ),
      ) + translator.end();
    const events = parseAnthropicSse(text);
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const messageDelta = events.find((e) => e.event === 'message_delta');
    expect(messageDelta?.data['delta']).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
  });

  it('uses the last seen finish_reason and end_turn when none came', () => {
    const cut = run(delta({ content: 'cut' }));
    expect(assembleMessage(cut).stopReason).toBe('end_turn');
    const lengthOnly = run(delta({ content: 'cut' }) + delta({}, 'length'));
    expect(assembleMessage(lengthOnly).stopReason).toBe('max_tokens');
  });

  it('reads a last [DONE] that lacks its blank line', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const text =
      translator.push(encode(delta({ content: 'a' }) + 'data: [DONE]')) + translator.end();
    expect(parseAnthropicSse(text).at(-1)?.event).toBe('message_stop');
  });

  it('still sends a whole message when the upstream sent nothing', () => {
    const translator = new ChatStreamTranslator({ ...OPTIONS, inputTokensEstimate: 12 });
    expect(translator.started).toBe(false);
    const events = parseAnthropicSse(translator.end());
    expect(events.map((e) => e.event)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(translator.usage).toEqual({ input: 12, output: 0, cacheRead: 0, cacheCreation: 0 });
  });

  it('ignores Azure prompt_filter_results, role chunks, obfuscation and comments', () => {
    const body =
      ': keep-alive\n\n' +
      chatChunk({
        choices: [],
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
      }) +
      delta({ role: 'assistant' }) +
      chatChunk({
        choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
        obfuscation: 'abc',
      }) +
      'data: [DONE]\n\n';
    expect(assembleMessage(run(body)).content).toEqual([{ type: 'text', text: 'Hi' }]);
  });

  it('pings start the message first, then are bare pings', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const first = translator.ping();
    expect(parseAnthropicSse(first).map((e) => e.event)).toEqual(['message_start', 'ping']);
    expect(translator.started).toBe(true);
    expect(translator.ping()).toBe('event: ping\ndata: {"type": "ping"}\n\n');
  });

  it('fail() gives the error event and ends the stream', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    translator.push(encode(delta({ content: 'a' })));
    const out = translator.fail({
      kind: 'upstream-timeout',
      provider: 'p',
      phase: 'idle',
      timeoutMs: 1000,
    });
    expect(parseAnthropicSse(out).map((e) => e.event)).toEqual(['error']);
    expect(translator.end()).toBe('');
    expect(translator.fail({ kind: 'internal', message: 'x' })).toBe('');
  });
});
