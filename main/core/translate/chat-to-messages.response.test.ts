import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { serveChat } from './anthropic/stream-to-chat-test-support.js';
import { translateMessagesResponse } from './chat-to-messages.js';

const opts = { requestedModel: 'gpt-4o', completionId: 'chatcmpl-test1', created: 1787220930 };

const message = (content: unknown[], stopReason: string | null = 'end_turn', usage?: unknown) => ({
  id: 'msg_test_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-6',
  content,
  stop_reason: stopReason,
  stop_sequence: null,
  usage: usage ?? { input_tokens: 10, output_tokens: 5 },
});

const translate = (json: unknown) => {
  const result = translateMessagesResponse(json, opts);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const choice = (json: Record<string, unknown>) =>
  (json.choices as readonly Record<string, unknown>[])[0] as {
    message: Record<string, unknown>;
    finish_reason: unknown;
  };

const toolAnswer = message(
  [
    { type: 'thinking', thinking: 'Two lookups.', signature: 'sig' },
    { type: 'text', text: "I'll check", citations: null },
    { type: 'text', text: ' both.', citations: null },
    { type: 'tool_use', id: 'toolu_A', name: 'get_weather', input: { city: 'Lisbon' } },
    { type: 'tool_use', id: 'toolu_B', name: 'get_weather', input: { city: 'Porto' } },
  ],
  'tool_use',
  {
    input_tokens: 37,
    cache_creation_input_tokens: 412,
    cache_read_input_tokens: 1856,
    output_tokens: 151,
  },
);

describe('translateMessagesResponse', () => {
  it('translates text', () => {
    expect(translate(message([{ type: 'text', text: 'Hello', citations: null }]))).toEqual({
      id: 'chatcmpl-test1',
      object: 'chat.completion',
      created: 1787220930,
      model: 'gpt-4o',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 5,
        total_tokens: 15,
        prompt_tokens_details: { cached_tokens: 0 },
      },
    });
  });

  it('translates tool calls, thinking and cache usage', () => {
    const json = translate(toolAnswer);
    expect(choice(json)).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: "I'll check both.",
        reasoning_content: 'Two lookups.',
        tool_calls: [
          {
            id: 'toolu_A',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
          },
          {
            id: 'toolu_B',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Porto"}' },
          },
        ],
        refusal: null,
      },
      logprobs: null,
      finish_reason: 'tool_calls',
    });
    expect(json.usage).toEqual({
      prompt_tokens: 37 + 412 + 1856,
      completion_tokens: 151,
      total_tokens: 37 + 412 + 1856 + 151,
      prompt_tokens_details: { cached_tokens: 1856 },
    });
  });

  it('sends null content for a tool-only answer', () => {
    const json = translate(
      message([{ type: 'tool_use', id: 't', name: 'f', input: {} }], 'tool_use'),
    );
    expect(choice(json).message.content).toBeNull();
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['pause_turn', 'stop'],
    [null, 'stop'],
  ])('maps stop_reason %s to %s', (stop, finish) => {
    expect(choice(translate(message([{ type: 'text', text: 'x' }], stop))).finish_reason).toBe(
      finish,
    );
  });

  it('reports a malformed answer as an internal error', () => {
    const result = translateMessagesResponse({ type: 'message' }, opts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('internal');
  });

  it('is read by the openai SDK', async () => {
    const served = await serveChat('application/json', JSON.stringify(translate(toolAnswer)));
    try {
      const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'x', maxRetries: 0 });
      const completion = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Weather?' }],
      });
      expect(completion.id).toBe('chatcmpl-test1');
      const first = completion.choices[0];
      expect(first?.finish_reason).toBe('tool_calls');
      expect(first?.message.content).toBe("I'll check both.");
      expect(
        first?.message.tool_calls?.map((call) =>
          call.type === 'function' ? [call.id, call.function.name, call.function.arguments] : [],
        ),
      ).toEqual([
        ['toolu_A', 'get_weather', '{"city":"Lisbon"}'],
        ['toolu_B', 'get_weather', '{"city":"Porto"}'],
      ]);
      expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(1856);
    } finally {
      await served.close();
    }
  });
});
