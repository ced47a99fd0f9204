import { describe, expect, it } from 'vitest';
import { translateMessagesRequest, type ChatTarget } from './messages-to-chat.js';

const target: ChatTarget = {
  model: 'gpt-test',
  providerName: 'openai',
  maxTokensField: 'max_tokens',
  reasoningContentPassthrough: false,
  toolNameSanitization: false,
  cleanToolSchemas: false,
  stream: false,
};

const translate = (body: Record<string, unknown>, overrides: Partial<ChatTarget> = {}) => {
  const result = translateMessagesRequest(
    { model: 'claude-sonnet-4-6', max_tokens: 1024, ...body },
    { ...target, ...overrides },
  );
  if (!result.ok) throw new Error(`unexpected error: ${JSON.stringify(result.error)}`);
  return result.value;
};

const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };

describe('translateMessagesRequest', () => {
  it('plain text', () => {
    expect(translate({ messages: [{ role: 'user', content: 'Hi' }] }).body).toEqual({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 1024,
    });
  });

  it('system as a string', () => {
    const { body } = translate({
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('system blocks without the billing header', () => {
    const { body } = translate({
      system: [
        { type: 'text', text: 'x-anthropic-billing-header: cc_version=2.1.330.440;' },
        { type: 'text', text: 'You are Claude.', cache_control: { type: 'ephemeral' } },
        { type: 'text', text: 'Be brief.' },
      ],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'You are Claude.\n\nBe brief.' },
      { role: 'user', content: 'Hi' },
    ]);
  });

  it('keeps a mid-conversation system message in place', () => {
    const { body } = translate({
      system: 'Top.',
      messages: [
        { role: 'user', content: 'a' },
        { role: 'system', content: [{ type: 'text', text: '# Environment', cache_control: {} }] },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c' },
      ],
    });
    expect(body.messages).toEqual([
      { role: 'system', content: 'Top.' },
      { role: 'user', content: 'a' },
      { role: 'system', content: '# Environment' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ]);
  });

  it('a tool round trip: calls, results in call order, is_error, text beside results after', () => {
    const { body } = translate({
      tools: [{ name: 'get_weather', description: 'Weather.', input_schema: schema }],
      messages: [
        { role: 'user', content: 'Weather in Lisbon and Porto?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking ' },
            { type: 'text', text: 'both.' },
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Lisbon' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { city: 'Porto' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Also, be brief.' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: 'timeout', is_error: true },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [
                { type: 'text', text: '19 C' },
                { type: 'text', text: 'light wind' },
              ],
            },
          ],
        },
      ],
    });
    expect(body).toEqual({
      model: 'gpt-test',
      messages: [
        { role: 'user', content: 'Weather in Lisbon and Porto?' },
        {
          role: 'assistant',
          content: 'Checking both.',
          tool_calls: [
            {
              id: 'toolu_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
            },
            {
              id: 'toolu_2',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Porto"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '19 C\nlight wind' },
        { role: 'tool', tool_call_id: 'toolu_2', content: 'Error: timeout' },
        { role: 'user', content: 'Also, be brief.' },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'get_weather', description: 'Weather.', parameters: schema },
        },
      ],
      max_tokens: 1024,
    });
  });

  it('an assistant turn with only tool calls has content null', () => {
    const { body } = translate({
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] },
      ],
    });
    expect(body.messages).toContainEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{}' } }],
    });
  });

  it('images: base64 as a data URL, url kept', () => {
    const { body } = translate({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
          ],
        },
      ],
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Compare' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } },
          { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
        ],
      },
    ]);
  });

  it('an image inside a tool result goes to a follow-up user message', () => {
    const { body } = translate({
      messages: [
        { role: 'user', content: 'screenshot' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'shot', input: {} }] },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 't1',
              content: [
                { type: 'text', text: 'done' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAA' } },
              ],
            },
            { type: 'text', text: 'what do you see?' },
          ],
        },
      ],
    });
    expect((body.messages as unknown[]).slice(2)).toEqual([
      {
        role: 'tool',
        tool_call_id: 't1',
        content: 'done\n[1 image(s) attached in the following user message]',
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Image(s) returned by tool call t1:' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,AAA' } },
          { type: 'text', text: 'what do you see?' },
        ],
      },
    ]);
  });

  it.each([
    [{ type: 'auto' }, 'auto'],
    [{ type: 'any' }, 'required'],
    [{ type: 'none' }, 'none'],
    [
      { type: 'tool', name: 'get_weather' },
      { type: 'function', function: { name: 'get_weather' } },
    ],
  ])('tool_choice %j -> %j', (choice, expected) => {
    const { body } = translate({
      tools: [{ name: 'get_weather', input_schema: schema }],
      tool_choice: choice,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(body.tool_choice).toEqual(expected);
    expect(body).not.toHaveProperty('parallel_tool_calls');
  });

  it('disable_parallel_tool_use -> parallel_tool_calls false', () => {
    const { body } = translate({
      tools: [{ name: 'get_weather', input_schema: schema }],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(body.tool_choice).toBe('auto');
    expect(body.parallel_tool_calls).toBe(false);
  });

  const withThinking = {
    messages: [
      { role: 'user', content: 'q' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Let me think.', signature: 'sig-anthropic' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'text', text: 'Answer.' },
        ],
      },
      { role: 'user', content: 'more' },
    ],
  };

  it('thinking is dropped, signature never sent', () => {
    const { body } = translate(withThinking);
    expect((body.messages as unknown[])[1]).toEqual({ role: 'assistant', content: 'Answer.' });
    expect(JSON.stringify(body)).not.toContain('sig-anthropic');
  });

  it('thinking -> reasoning_content when the provider passes it through', () => {
    const { body } = translate(withThinking, { reasoningContentPassthrough: true });
    expect((body.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: 'Answer.',
      reasoning_content: 'Let me think.',
    });
    expect(JSON.stringify(body)).not.toContain('sig-anthropic');
  });

  it('max tokens in the configured field, never clamped', () => {
    const messages = [{ role: 'user', content: 'x' }];
    const openai = translate(
      { max_tokens: 128000, messages },
      { maxTokensField: 'max_completion_tokens' },
    );
    expect(openai.body.max_completion_tokens).toBe(128000);
    expect(openai.body).not.toHaveProperty('max_tokens');
    const other = translate({ max_tokens: 128000, messages });
    expect(other.body.max_tokens).toBe(128000);
  });

  it('sampling: stop, temperature, top_p copied; top_k and metadata dropped; stream options', () => {
    const { body } = translate(
      {
        messages: [{ role: 'user', content: 'x' }],
        stop_sequences: ['END'],
        temperature: 0.2,
        top_p: 0.9,
        top_k: 5,
        metadata: { user_id: 'u' },
        context_management: { edits: [] },
        stream: true,
      },
      { stream: true },
    );
    expect(body).toEqual({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 1024,
      stop: ['END'],
      temperature: 0.2,
      top_p: 0.9,
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it.each([
    [{ thinking: { type: 'enabled', budget_tokens: 1024 } }, 'low'],
    [{ thinking: { type: 'enabled', budget_tokens: 4096 } }, 'medium'],
    [{ thinking: { type: 'enabled', budget_tokens: 16384 } }, 'high'],
    [{ thinking: { type: 'adaptive' } }, undefined],
    [{ thinking: { type: 'adaptive' }, output_config: { effort: 'medium' } }, 'medium'],
    [{ output_config: { effort: 'low' } }, 'low'],
    [{ output_config: { effort: 'max' } }, 'high'],
    [
      { thinking: { type: 'enabled', budget_tokens: 1024 }, output_config: { effort: 'high' } },
      'high',
    ],
  ])('reasoning effort from %j -> %s', (fields, expected) => {
    const { body } = translate({ ...fields, messages: [{ role: 'user', content: 'x' }] });
    expect(body.reasoning_effort).toBe(expected);
  });

  it('drops server tools and defer_loading tools and reports their names', () => {
    const result = translate({
      tools: [
        { name: 'get_weather', input_schema: schema },
        { type: 'web_search_20250305', name: 'web_search', max_uses: 5 },
        { name: 'Later', input_schema: schema, defer_loading: true },
        { type: 'custom', name: 'Read', input_schema: schema },
      ],
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(result.dropped).toEqual(['web_search', 'Later']);
    const names = (result.body.tools as { function: { name: string } }[]).map(
      (t) => t.function.name,
    );
    expect(names).toEqual(['get_weather', 'Read']);
  });

  it('omits tool_choice and parallel_tool_calls when every tool was dropped', () => {
    const { body } = translate({
      tools: [{ type: 'web_search_20250305', name: 'web_search' }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('parallel_tool_calls');
  });

  it('cleans tool schemas when the provider is strict', () => {
    const raw = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        when: { type: 'string', format: 'date-time' },
        site: { type: 'string', format: 'uri' },
        point: { type: 'array', items: [{ type: 'number' }, { type: 'number' }] },
      },
    };
    const tools = [{ name: 'f', input_schema: raw }];
    const messages = [{ role: 'user', content: 'x' }];
    const cleaned = translate({ tools, messages }, { cleanToolSchemas: true }).body.tools;
    expect(cleaned).toEqual([
      {
        type: 'function',
        function: {
          name: 'f',
          parameters: {
            type: 'object',
            properties: {
              when: { type: 'string', format: 'date-time' },
              site: { type: 'string' },
              point: { type: 'array', items: {} },
            },
          },
        },
      },
    ]);
    const untouched = translate({ tools, messages }).body.tools;
    expect(untouched).toEqual([{ type: 'function', function: { name: 'f', parameters: raw } }]);
  });
});
