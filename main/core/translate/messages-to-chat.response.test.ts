import type { Message } from '@anthropic-ai/sdk/resources/messages/messages';
import { describe, expect, it } from 'vitest';
import { translateChatResponse } from './messages-to-chat.js';

const opts = { requestedModel: 'claude-sonnet-4-6', messageId: 'msg_test_1', toolNames: new Map() };

const translate = (json: unknown, toolNames: ReadonlyMap<string, string> = new Map()) => {
  const result = translateChatResponse(json, { ...opts, toolNames });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const completion = (
  message: Record<string, unknown>,
  finish: string | null = 'stop',
  usage?: unknown,
) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-upstream',
  choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish }],
  ...(usage !== undefined ? { usage } : {}),
});

/** The non-stream answer of openai-chat-nonstream-and-errors.txt (exchange 1), verbatim. */
const fixtureAnswer = {
  id: 'chatcmpl-test0000000000000000000002',
  object: 'chat.completion',
  created: 1787220931,
  model: 'gpt-5-mini-2025-08-07',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_test0000000000000000000C',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
          },
          {
            id: 'call_test0000000000000000000D',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Porto"}' },
          },
        ],
        refusal: null,
        annotations: [],
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    },
  ],
  usage: {
    prompt_tokens: 1874,
    completion_tokens: 121,
    total_tokens: 1995,
    prompt_tokens_details: { cached_tokens: 1536, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 64, audio_tokens: 0 },
  },
  service_tier: 'default',
  system_fingerprint: 'fp_test0000001',
};

describe('translateChatResponse', () => {
  it('the fixture tool-call answer becomes a message the SDK Message type describes', () => {
    // Typed as the official SDK's Message: this literal compiling proves every key is the SDK's.
    const expected: Message = {
      id: 'msg_test_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-6',
      content: [
        {
          type: 'tool_use',
          id: 'call_test0000000000000000000C',
          name: 'get_weather',
          input: { city: 'Lisbon' },
          caller: { type: 'direct' },
        },
        {
          type: 'tool_use',
          id: 'call_test0000000000000000000D',
          name: 'get_weather',
          input: { city: 'Porto' },
          caller: { type: 'direct' },
        },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
      usage: {
        input_tokens: 338,
        output_tokens: 121,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 1536,
        cache_creation: null,
        output_tokens_details: null,
        server_tool_use: null,
        service_tier: null,
        inference_geo: null,
        speed: null,
      },
    };
    expect(translate(fixtureAnswer)).toEqual(expected);
  });

  it('reasoning_content becomes a thinking block before the text', () => {
    const out = translate(
      completion({ content: 'It is 19 C.', reasoning_content: 'Check the tool.' }),
    );
    expect(out.content).toEqual([
      { type: 'thinking', thinking: 'Check the tool.', signature: '' },
      { type: 'text', text: 'It is 19 C.', citations: null },
    ]);
    expect(out.stop_reason).toBe('end_turn');
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['tool_calls', 'tool_use'],
    ['content_filter', 'refusal'],
    [null, 'end_turn'],
    ['something_new', 'end_turn'],
  ])('finish_reason %s -> %s', (finish, expected) => {
    expect(translate(completion({ content: 'x' }, finish)).stop_reason).toBe(expected);
  });

  it('usage: cached tokens subtracted from input, reported as cache reads; absent usage is zeros', () => {
    const usage = {
      prompt_tokens: 100,
      completion_tokens: 7,
      prompt_tokens_details: { cached_tokens: 60 },
    };
    expect(translate(completion({ content: 'x' }, 'stop', usage)).usage).toMatchObject({
      input_tokens: 40,
      output_tokens: 7,
      cache_read_input_tokens: 60,
      cache_creation_input_tokens: 0,
    });
    expect(translate(completion({ content: 'x' })).usage).toMatchObject({
      input_tokens: 0,
      output_tokens: 0,
    });
  });

  it('keeps unparseable tool arguments raw instead of losing them', () => {
    const call = { id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a": 1' } };
    const out = translate(completion({ content: null, tool_calls: [call] }, 'tool_calls'));
    expect(out.content).toEqual([
      {
        type: 'tool_use',
        id: 'c1',
        name: 'f',
        input: { _raw_arguments: '{"a": 1' },
        caller: { type: 'direct' },
      },
    ]);
  });

  it('restores sanitized tool names', () => {
    const call = {
      id: 'c1',
      type: 'function',
      function: { name: 'mcp__fs_read', arguments: '{}' },
    };
    const out = translate(
      completion({ tool_calls: [call] }, 'tool_calls'),
      new Map([['mcp__fs_read', 'mcp:fs.read']]),
    );
    expect(out.content).toMatchObject([{ type: 'tool_use', name: 'mcp:fs.read', input: {} }]);
  });

  it('a refusal is kept as text with stop_reason refusal', () => {
    const out = translate(completion({ content: null, refusal: 'I cannot help with that.' }));
    expect(out.content).toEqual([
      { type: 'text', text: 'I cannot help with that.', citations: null },
    ]);
    expect(out.stop_reason).toBe('refusal');
  });

  it('an answer without choices is an internal error, not a crash', () => {
    const result = translateChatResponse({ choices: [] }, opts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('internal');
  });
});
