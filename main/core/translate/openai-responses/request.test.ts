import { describe, expect, it } from 'vitest';
import { sealReasoning } from './reasoning-signature.js';
import { translateMessagesToResponses, type ResponsesTarget } from './messages-to-responses.js';

const TARGET: ResponsesTarget = {
  model: 'gpt-5.2',
  providerName: 'openai',
  toolNameSanitization: false,
  stream: true,
  maxOutputTokens: true,
  samplingParams: true,
  defaultInstructions: undefined,
  alwaysIncludeEncryptedReasoning: false,
};

function translate(
  body: Record<string, unknown>,
  target: Partial<ResponsesTarget> = {},
): Record<string, unknown> {
  const result = translateMessagesToResponses(
    { model: 'claude-x', max_tokens: 4096, ...body },
    { ...TARGET, ...target },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.body;
}

const weather = {
  name: 'get_weather',
  description: 'Current weather for a city.',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('Anthropic request -> Responses request', () => {
  it('matches the fixture request shape: instructions, input_text, flat tools, store false', () => {
    const body = translate({
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1' },
        { type: 'text', text: 'You are a travel assistant. Use the tools for live data.' },
      ],
      messages: [{ role: 'user', content: "What's the weather in Lisbon right now?" }],
      tools: [weather],
      thinking: { type: 'enabled', budget_tokens: 8000 },
    });
    expect(body).toEqual({
      model: 'gpt-5.2',
      instructions: 'You are a travel assistant. Use the tools for live data.',
      input: [
        {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: "What's the weather in Lisbon right now?" }],
        },
      ],
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          description: 'Current weather for a city.',
          parameters: weather.input_schema,
          strict: false,
        },
      ],
      reasoning: { effort: 'medium', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      max_output_tokens: 4096,
      store: false,
      stream: true,
    });
  });

  it('never sends Chat-shaped or Anthropic-only fields', () => {
    const text = JSON.stringify(
      translate({
        messages: [
          {
            role: 'user',
            content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral' } }],
          },
        ],
        metadata: { user_id: 'u' },
        stop_sequences: ['STOP'],
        top_k: 5,
      }),
    );
    for (const field of [
      'max_tokens',
      'stream_options',
      'cache_control',
      'messages',
      'metadata',
      'top_k',
      '"stop"',
    ]) {
      expect(text).not.toContain(field);
    }
  });

  it('maps a multi-turn tool conversation to function_call / function_call_output in order', () => {
    const body = translate({
      messages: [
        { role: 'user', content: 'Weather in Lisbon and Porto?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Lisbon' } },
            { type: 'tool_use', id: 'call_b', name: 'get_weather', input: { city: 'Porto' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_b', content: '18C' },
            {
              type: 'tool_result',
              tool_use_id: 'call_a',
              content: [{ type: 'text', text: 'boom' }],
              is_error: true,
            },
            { type: 'text', text: 'Also, thanks!' },
          ],
        },
      ],
    });
    expect(body['input']).toEqual([
      {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: 'Weather in Lisbon and Porto?' }],
      },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Checking.' }] },
      {
        type: 'function_call',
        call_id: 'call_a',
        name: 'get_weather',
        arguments: '{"city":"Lisbon"}',
      },
      {
        type: 'function_call',
        call_id: 'call_b',
        name: 'get_weather',
        arguments: '{"city":"Porto"}',
      },
      { type: 'function_call_output', call_id: 'call_a', output: 'Error: boom' },
      { type: 'function_call_output', call_id: 'call_b', output: '18C' },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Also, thanks!' }] },
    ]);
  });

  it('sends base64 and URL images as input_image, and tool-result images in a follow-up message', () => {
    const body = translate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'url', url: 'https://example.test/cat.jpg' } },
            { type: 'text', text: 'What are these?' },
          ],
        },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'c1', name: 'shot', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'c1',
              content: [
                {
                  type: 'image',
                  source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/' },
                },
              ],
            },
          ],
        },
      ],
    });
    const input = body['input'] as Record<string, unknown>[];
    expect(input[0]).toEqual({
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_image', image_url: 'data:image/png;base64,iVBOR', detail: 'auto' },
        { type: 'input_image', image_url: 'https://example.test/cat.jpg', detail: 'auto' },
        { type: 'input_text', text: 'What are these?' },
      ],
    });
    expect(input[2]).toEqual({
      type: 'function_call_output',
      call_id: 'c1',
      output: '[1 image(s) attached in the following user message]',
    });
    expect(input[3]).toMatchObject({
      role: 'user',
      content: [
        { type: 'input_text', text: 'Image(s) returned by tool call c1:' },
        { type: 'input_image', image_url: 'data:image/jpeg;base64,/9j/' },
      ],
    });
  });

  it.each([
    [{ type: 'auto' }, 'auto'],
    [{ type: 'any' }, 'required'],
    [{ type: 'none' }, 'none'],
    [
      { type: 'tool', name: 'get_weather' },
      { type: 'function', name: 'get_weather' },
    ],
  ])('tool_choice %j -> %j', (choice, expected) => {
    expect(
      translate({
        messages: [{ role: 'user', content: 'x' }],
        tools: [weather],
        tool_choice: choice,
      })['tool_choice'],
    ).toEqual(expected);
  });

  it('disable_parallel_tool_use -> parallel_tool_calls false; server tools dropped', () => {
    const result = translateMessagesToResponses(
      {
        model: 'c',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x' }],
        tools: [weather, { type: 'web_search_20250305', name: 'web_search' }],
        tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      },
      TARGET,
    );
    expect(result.ok && result.value.body['parallel_tool_calls']).toBe(false);
    expect(result.ok && result.value.dropped).toEqual(['web_search']);
  });

  it.each([
    [{ thinking: { type: 'adaptive' } }, 'medium'],
    [{ thinking: { type: 'enabled', budget_tokens: 2000 } }, 'low'],
    [{ thinking: { type: 'enabled', budget_tokens: 32000 } }, 'high'],
    [{ thinking: { type: 'adaptive' }, output_config: { effort: 'max' } }, 'high'],
  ])('thinking %j -> reasoning effort %s with summaries', (fields, effort) => {
    const body = translate({ messages: [{ role: 'user', content: 'x' }], ...fields });
    expect(body['reasoning']).toEqual({ effort, summary: 'auto' });
    expect(body['include']).toEqual(['reasoning.encrypted_content']);
  });

  it('no thinking asked -> no reasoning', () => {
    const body = translate({
      messages: [{ role: 'user', content: 'x' }],
      thinking: { type: 'disabled' },
    });
    expect(body['reasoning']).toBeUndefined();
    expect(body['include']).toBeUndefined();
  });

  it('sends back only encrypted reasoning this provider made, before the turn it belongs to', () => {
    const body = translate({
      messages: [
        { role: 'user', content: 'x' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Mine', signature: sealReasoning('openai', 'gAAA-enc') },
            { type: 'thinking', thinking: 'Anthropic', signature: 'EqQBCkYIBxgCKkA' },
            { type: 'thinking', thinking: 'Other', signature: sealReasoning('azure', 'gBBB') },
            { type: 'text', text: 'Answer' },
          ],
        },
        { role: 'user', content: 'y' },
      ],
    });
    expect((body['input'] as unknown[]).slice(1, 3)).toEqual([
      {
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: 'Mine' }],
        encrypted_content: 'gAAA-enc',
      },
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Answer' }] },
    ]);
  });

  it('a system message inside messages stays in place as a developer message', () => {
    const body = translate({
      messages: [
        { role: 'system', content: 'env: linux' },
        { role: 'user', content: 'x' },
      ],
    });
    expect((body['input'] as unknown[])[0]).toEqual({
      type: 'message',
      role: 'developer',
      content: [{ type: 'input_text', text: 'env: linux' }],
    });
  });

  it('ChatGPT-backend target: default instructions, no max_output_tokens or sampling, encrypted reasoning', () => {
    const body = translate(
      { messages: [{ role: 'user', content: 'x' }], temperature: 0.2, top_p: 0.9 },
      {
        maxOutputTokens: false,
        samplingParams: false,
        defaultInstructions: 'Default.',
        alwaysIncludeEncryptedReasoning: true,
      },
    );
    expect(body['instructions']).toBe('Default.');
    expect(body).not.toHaveProperty('max_output_tokens');
    expect(body).not.toHaveProperty('temperature');
    expect(body['include']).toEqual(['reasoning.encrypted_content']);
    expect(
      translate({ messages: [{ role: 'user', content: 'x' }], temperature: 0.2 })['temperature'],
    ).toBe(0.2);
  });

  it('sanitizes tool names when the provider asks for it', () => {
    const result = translateMessagesToResponses(
      {
        model: 'c',
        messages: [{ role: 'user', content: 'x' }],
        tools: [{ ...weather, name: 'mcp:weather' }],
      },
      { ...TARGET, toolNameSanitization: true },
    );
    if (!result.ok) throw new Error('unexpected');
    expect((result.value.body['tools'] as { name: string }[])[0]?.name).toBe('mcp_weather');
    expect(result.value.toolNames.get('mcp_weather')).toBe('mcp:weather');
  });

  it('an invalid request is a 400 naming the field', () => {
    const result = translateMessagesToResponses({ model: 'c', messages: 'nope' }, TARGET);
    expect(!result.ok && result.error.kind).toBe('invalid-request');
  });
});
