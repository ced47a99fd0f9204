import { describe, expect, it } from 'vitest';
import { translateChatRequest } from './chat-to-messages.js';

const target = { model: 'claude-sonnet-4-6', stream: false };

const translate = (body: Record<string, unknown>, t = target) => {
  const result = translateChatRequest(body, t);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const refused = (body: Record<string, unknown>): string => {
  const result = translateChatRequest(body, target);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.kind).toBe('invalid-request');
  return result.error.kind === 'invalid-request' ? result.error.message : '';
};

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('translateChatRequest', () => {
  it('joins leading system/developer messages and defaults max_tokens', () => {
    const { body, includeUsage } = translate({
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Hi' },
      ],
    });
    expect(includeUsage).toBe(false);
    expect(body).toEqual({
      model: 'claude-sonnet-4-6',
      max_tokens: 8192,
      system: 'You are terse.\n\nAnswer in French.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      stream: false,
    });
  });

  it('keeps a mid-conversation system message in place', () => {
    const { body } = translate({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'assistant', content: 'two' },
        { role: 'system', content: '<env>cwd=/x</env>' },
        { role: 'user', content: 'three' },
      ],
    });
    expect(body.system).toBeUndefined();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'one' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'two' }] },
      { role: 'system', content: '<env>cwd=/x</env>' },
      { role: 'user', content: [{ type: 'text', text: 'three' }] },
    ]);
  });

  it('translates a tool round trip, merging tool results and the next user message', () => {
    const { body } = translate({
      max_completion_tokens: 1000,
      max_tokens: 5,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Lisbon and Porto?' },
        {
          role: 'assistant',
          content: 'Checking.',
          tool_calls: [
            {
              id: 'call_A',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
            },
            {
              id: 'call_B',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Porto"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_A', content: '21C sunny' },
        { role: 'tool', tool_call_id: 'call_B', content: [{ type: 'text', text: '18C rain' }] },
        { role: 'user', content: 'And tomorrow?' },
        { role: 'user', content: 'Please.' },
      ],
    });
    expect(body.max_tokens).toBe(1000);
    expect(body.tools).toEqual([
      {
        name: 'get_weather',
        description: 'Current weather for a city.',
        input_schema: weatherTool.function.parameters,
      },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Lisbon and Porto?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool_use', id: 'call_A', name: 'get_weather', input: { city: 'Lisbon' } },
          { type: 'tool_use', id: 'call_B', name: 'get_weather', input: { city: 'Porto' } },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'call_A',
            content: [{ type: 'text', text: '21C sunny' }],
          },
          {
            type: 'tool_result',
            tool_use_id: 'call_B',
            content: [{ type: 'text', text: '18C rain' }],
          },
          { type: 'text', text: 'And tomorrow?' },
          { type: 'text', text: 'Please.' },
        ],
      },
    ]);
  });

  it('refuses unparseable tool arguments, naming the call', () => {
    const message = refused({
      messages: [
        { role: 'user', content: 'x' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_bad', type: 'function', function: { name: 'f', arguments: '{' } },
          ],
        },
      ],
    });
    expect(message).toContain('call_bad');
    expect(message).toContain('messages[1].tool_calls[0]');
  });

  it('maps data URL and http URL images', () => {
    const { body } = translate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            {
              type: 'image_url',
              image_url: { url: 'https://example.com/cat.jpg', detail: 'high' },
            },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare' },
          {
            type: 'image',
            source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
          },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
        ],
      },
    ]);
    refused({
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'file:///x' } }] },
      ],
    });
  });

  it.each([
    ['auto', { type: 'auto' }],
    ['required', { type: 'any' }],
    ['none', { type: 'none' }],
    [
      { type: 'function', function: { name: 'get_weather' } },
      { type: 'tool', name: 'get_weather' },
    ],
  ])('maps tool_choice %j', (choice, expected) => {
    const { body } = translate({
      tools: [weatherTool],
      tool_choice: choice,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(body.tool_choice).toEqual(expected);
  });

  it('refuses a malformed tool_choice', () => {
    refused({
      tools: [weatherTool],
      tool_choice: 'sometimes',
      messages: [{ role: 'user', content: 'x' }],
    });
  });

  it('puts parallel_tool_calls: false on tool_choice', () => {
    const base = {
      tools: [weatherTool],
      parallel_tool_calls: false,
      messages: [{ role: 'user', content: 'x' }],
    };
    expect(translate(base).body.tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(translate({ ...base, tool_choice: 'required' }).body.tool_choice).toEqual({
      type: 'any',
      disable_parallel_tool_use: true,
    });
    expect(translate({ ...base, parallel_tool_calls: true }).body.tool_choice).toBeUndefined();
  });

  it.each([
    ['low', 2048, 8192],
    ['medium', 8192, 9216],
    ['high', 24576, 25600],
  ])(
    'maps reasoning_effort %s to a thinking budget, raising max_tokens above it',
    (effort, budget, max) => {
      const { body } = translate({
        reasoning_effort: effort,
        max_tokens: 8192,
        temperature: 0.2,
        messages: [{ role: 'user', content: 'x' }],
      });
      expect(body.thinking).toEqual({ type: 'enabled', budget_tokens: budget });
      expect(body.max_tokens).toBe(max);
      expect(body.max_tokens as number).toBeGreaterThan(budget);
      // Anthropic rejects a temperature other than 1 with thinking.
      expect(body.temperature).toBeUndefined();
    },
  );

  it('copies sampling, stop, stream, include_usage and user', () => {
    const result = translate(
      {
        temperature: 0.3,
        top_p: 0.9,
        stop: 'END',
        stream: true,
        stream_options: { include_usage: true },
        user: 'user-42',
        messages: [{ role: 'user', content: 'x' }],
      },
      { model: 'claude-haiku-4-5', stream: true },
    );
    expect(result.includeUsage).toBe(true);
    expect(result.body).toMatchObject({
      model: 'claude-haiku-4-5',
      temperature: 0.3,
      top_p: 0.9,
      stop_sequences: ['END'],
      stream: true,
      metadata: { user_id: 'user-42' },
    });
    expect(
      translate({ stop: ['a', 'b'], messages: [{ role: 'user', content: 'x' }] }).body
        .stop_sequences,
    ).toEqual(['a', 'b']);
  });

  it('refuses n > 1 and bad fields', () => {
    expect(refused({ n: 2, messages: [{ role: 'user', content: 'x' }] })).toContain('"n"');
    expect(translate({ n: 1, messages: [{ role: 'user', content: 'x' }] }).body.max_tokens).toBe(
      8192,
    );
    refused({ messages: [] });
    refused({ max_tokens: 0, messages: [{ role: 'user', content: 'x' }] });
    refused({ messages: [{ role: 'tool', content: 'no id' }] });
  });
});

describe('file parts from OpenAI clients', () => {
  it('turn an inline PDF into an Anthropic document block', () => {
    const result = translateChatRequest(
      {
        model: 'gpt',
        messages: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                file: { filename: 'spec.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
              },
              { type: 'text', text: 'Summarise.' },
            ],
          },
        ],
      },
      { model: 'claude-x', stream: false },
    );
    const messages = result.ok ? (result.value.body['messages'] as { content: unknown }[]) : [];
    expect(messages[0]?.content).toEqual([
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
        title: 'spec.pdf',
      },
      { type: 'text', text: 'Summarise.' },
    ]);
  });

  it('refuse a file id, which only OpenAI can resolve', () => {
    const result = translateChatRequest(
      {
        model: 'gpt',
        messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }],
      },
      { model: 'claude-x', stream: false },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind === 'invalid-request' && result.error.message).toMatch(
      /file_data/,
    );
  });
});
