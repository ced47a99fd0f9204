import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { fixtureResponseBody } from '../openai-chat/stream-test-support.js';
import { AnthropicStreamToChat } from './stream-to-chat.js';
import { serveChat } from './stream-to-chat-test-support.js';

const FIXTURE = fixtureResponseBody('anthropic-messages-stream-tools.txt');
const bytes = new TextEncoder().encode(FIXTURE);

const opts = {
  requestedModel: 'gpt-4o',
  completionId: 'chatcmpl-test1',
  created: 1787220930,
  includeUsage: true,
};

/** Runs the translator over `pieces` and returns everything it wrote. */
const run = (pieces: readonly Uint8Array[], includeUsage = true): string => {
  const translator = new AnthropicStreamToChat({ ...opts, includeUsage });
  return pieces.map((piece) => translator.push(piece)).join('') + translator.end();
};

/** Strict Chat SSE reader: only `data:` lines, each frame ended by a blank line. */
const dataOf = (text: string): unknown[] => {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      const data = frame.slice('data: '.length);
      return data === '[DONE]' ? '[DONE]' : (JSON.parse(data) as unknown);
    });
};

const head = {
  id: 'chatcmpl-test1',
  object: 'chat.completion.chunk',
  created: 1787220930,
  model: 'gpt-4o',
};
const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
  ...head,
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  usage: null,
});

const EXPECTED = [
  chunk({ role: 'assistant', content: '' }),
  chunk({ reasoning_content: 'The user wants the weather and the local time for Lisbon.' }),
  chunk({ reasoning_content: ' The two lookups are independent, so I can request both at once.' }),
  chunk({ content: "I'll check the weather and the" }),
  chunk({ content: ' local time in Lisbon.' }),
  chunk({
    tool_calls: [
      {
        index: 0,
        id: 'toolu_test_01WeatherLisbon000001',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
    ],
  }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city": "Lis' } }] }),
  chunk({ tool_calls: [{ index: 0, function: { arguments: 'bon"}' } }] }),
  chunk({
    tool_calls: [
      {
        index: 1,
        id: 'toolu_test_01TimeLisbon00000002',
        type: 'function',
        function: { name: 'get_local_time', arguments: '' },
      },
    ],
  }),
  chunk({ tool_calls: [{ index: 1, function: { arguments: '{"ci' } }] }),
  chunk({ tool_calls: [{ index: 1, function: { arguments: 'ty": "Lisbon"}' } }] }),
  chunk({}, 'tool_calls'),
  {
    ...head,
    choices: [],
    usage: {
      prompt_tokens: 37 + 412 + 1856,
      completion_tokens: 151,
      total_tokens: 37 + 412 + 1856 + 151,
      prompt_tokens_details: { cached_tokens: 1856 },
    },
  },
  '[DONE]',
];

const frame = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

describe('AnthropicStreamToChat', () => {
  it('translates the fixture stream to the expected chunks', () => {
    expect(dataOf(run([bytes]))).toEqual(EXPECTED);
  });

  it('omits usage when include_usage was not asked for', () => {
    const chunks = dataOf(run([bytes], false));
    expect(chunks).toHaveLength(EXPECTED.length - 1);
    for (const item of chunks) {
      if (item !== '[DONE]') expect(item).not.toHaveProperty('usage');
    }
    expect(chunks.at(-1)).toBe('[DONE]');
  });

  it('reports usage for the request log', () => {
    const translator = new AnthropicStreamToChat(opts);
    translator.push(bytes);
    expect(translator.usage).toEqual({
      input: 37,
      output: 151,
      cacheRead: 1856,
      cacheCreation: 412,
    });
    expect(translator.finished).toBe(true);
  });

  it('gives the same output whatever the byte split', () => {
    const whole = run([bytes]);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }),
        (cuts) => {
          const sorted = [...cuts].sort((a, b) => a - b);
          const bounds = [0, ...sorted, bytes.length];
          const pieces = bounds.slice(1).map((end, i) => bytes.slice(bounds[i], end));
          expect(run(pieces)).toBe(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a UTF-8 character split across pushes whole', () => {
    const text =
      frame('message_start', { type: 'message_start', message: { usage: {} } }) +
      frame('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: 'olá ✓' },
      });
    const encoded = new TextEncoder().encode(text);
    const cut = encoded.length - 12;
    const translator = new AnthropicStreamToChat(opts);
    const out = translator.push(encoded.slice(0, cut)) + translator.push(encoded.slice(cut));
    expect(dataOf(out)[1]).toEqual(chunk({ content: 'olá ✓' }));
  });

  it('turns an Anthropic error event into an OpenAI error chunk and stops', () => {
    const text =
      frame('message_start', { type: 'message_start', message: { usage: { input_tokens: 3 } } }) +
      frame('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: 'Hi' },
      }) +
      frame('error', {
        type: 'error',
        error: { type: 'overloaded_error', message: 'Overloaded' },
      }) +
      frame('message_stop', { type: 'message_stop' });
    const translator = new AnthropicStreamToChat(opts);
    const out = translator.push(new TextEncoder().encode(text)) + translator.end();
    const chunks = dataOf(out);
    expect(chunks).toHaveLength(3);
    expect(chunks[2]).toEqual({
      error: {
        message: expect.stringContaining('Overloaded') as unknown,
        type: expect.any(String) as unknown,
        param: null,
        code: null,
      },
    });
    expect(out).not.toContain('[DONE]');
    expect(translator.fail({ kind: 'client-aborted' }, 'req_1')).toBe('');
  });

  it('fail() writes one error chunk and then nothing', () => {
    const translator = new AnthropicStreamToChat(opts);
    translator.push(bytes.slice(0, 400));
    const out = translator.fail(
      { kind: 'upstream-timeout', provider: 'anthropic', phase: 'idle', timeoutMs: 1000 },
      'req_1',
    );
    expect(dataOf(out)).toEqual([{ error: expect.objectContaining({ param: null }) as unknown }]);
    expect(translator.push(bytes.slice(400))).toBe('');
    expect(translator.end()).toBe('');
  });

  it('does not invent a [DONE] for a stream cut before message_delta', () => {
    const translator = new AnthropicStreamToChat(opts);
    const out = translator.push(bytes.slice(0, 1500)) + translator.end();
    expect(out).not.toContain('[DONE]');
  });

  it('is read by the openai SDK as a stream', async () => {
    const served = await serveChat('text/event-stream', run([bytes]));
    try {
      const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'x', maxRetries: 0 });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Weather and time in Lisbon?' }],
        stream: true,
        stream_options: { include_usage: true },
      });
      let content = '';
      let finish: string | null = null;
      let promptTokens: number | undefined;
      const calls: { id: string; name: string; arguments: string }[] = [];
      for await (const part of stream) {
        expect(part.id).toBe('chatcmpl-test1');
        if (part.usage) promptTokens = part.usage.prompt_tokens;
        const first = part.choices[0];
        if (first === undefined) continue;
        content += first.delta.content ?? '';
        finish = first.finish_reason ?? finish;
        for (const call of first.delta.tool_calls ?? []) {
          const slot = (calls[call.index] ??= { id: '', name: '', arguments: '' });
          slot.id += call.id ?? '';
          slot.name += call.function?.name ?? '';
          slot.arguments += call.function?.arguments ?? '';
        }
      }
      expect(content).toBe("I'll check the weather and the local time in Lisbon.");
      expect(finish).toBe('tool_calls');
      expect(promptTokens).toBe(37 + 412 + 1856);
      expect(
        calls.map((call) => ({ ...call, input: JSON.parse(call.arguments) as unknown })),
      ).toEqual([
        {
          id: 'toolu_test_01WeatherLisbon000001',
          name: 'get_weather',
          arguments: '{"city": "Lisbon"}',
          input: { city: 'Lisbon' },
        },
        {
          id: 'toolu_test_01TimeLisbon00000002',
          name: 'get_local_time',
          arguments: '{"city": "Lisbon"}',
          input: { city: 'Lisbon' },
        },
      ]);
    } finally {
      await served.close();
    }
  });

  it('makes the openai SDK throw on an error chunk', async () => {
    const translator = new AnthropicStreamToChat(opts);
    const body =
      translator.push(bytes.slice(0, 1500)) +
      translator.fail({ kind: 'internal', message: 'boom' }, 'req_1');
    const served = await serveChat('text/event-stream', body);
    try {
      const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'x', maxRetries: 0 });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'x' }],
        stream: true,
      });
      await expect(async () => {
        for await (const part of stream) void part;
      }).rejects.toThrow();
    } finally {
      await served.close();
    }
  });
});
