import Anthropic from '@anthropic-ai/sdk';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chatChunk,
  chatStream,
  json,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

const KEY = 'sk-test-FAKE-openai-0000000000000042';
let upstream: FakeUpstream;
let proxy: Harness;
let client: Anthropic;

beforeEach(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: `${upstream.url}/v1`,
    VDM_DEFAULT_PROVIDER: 'openai',
  });
  client = new Anthropic({ baseURL: proxy.url, apiKey: 'client', maxRetries: 0 });
});

afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: {
    type: 'object' as const,
    properties: { city: { type: 'string' } },
    required: ['city'],
  },
};

function sentBody(i = 0): Record<string, unknown> {
  return JSON.parse(upstream.requests[i]?.body ?? '{}') as Record<string, unknown>;
}

describe('Anthropic clients against an OpenAI Chat upstream', () => {
  it('translates a non-streaming answer, usage and cache tokens included', async () => {
    upstream.enqueue(
      json(200, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: 'gpt-fake',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Bonjour!' }, finish_reason: 'stop' },
        ],
        usage: {
          prompt_tokens: 30,
          completion_tokens: 5,
          prompt_tokens_details: { cached_tokens: 10 },
        },
      }),
    );
    const msg = await client.messages.create({
      model: 'gpt-fake',
      max_tokens: 4096,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Say hi in French' }],
    });
    expect(msg.content).toMatchObject([{ type: 'text', text: 'Bonjour!' }]);
    expect(msg.stop_reason).toBe('end_turn');
    expect(msg.model).toBe('gpt-fake');
    expect(msg.usage).toMatchObject({
      input_tokens: 20,
      output_tokens: 5,
      cache_read_input_tokens: 10,
    });
    const seen = upstream.requests[0];
    expect(seen?.url).toBe('/v1/chat/completions');
    expect(seen?.headers['authorization']).toBe(`Bearer ${KEY}`);
    const body = sentBody();
    expect(body['max_completion_tokens']).toBe(4096);
    expect(body['messages']).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Say hi in French' },
    ]);
  });

  it('streams text and parallel tool calls as Anthropic events the SDK assembles', async () => {
    upstream.enqueue(
      chatStream([
        chatChunk({ role: 'assistant', content: '' }),
        chatChunk({ content: 'Checking both.' }),
        chatChunk({
          tool_calls: [
            {
              index: 0,
              id: 'call_a',
              type: 'function',
              function: { name: 'get_weather', arguments: '' },
            },
          ],
        }),
        chatChunk({
          tool_calls: [
            {
              index: 1,
              id: 'call_b',
              type: 'function',
              function: { name: 'get_weather', arguments: '' },
            },
          ],
        }),
        chatChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
        chatChunk({ tool_calls: [{ index: 1, function: { arguments: '{"city":"Porto"}' } }] }),
        chatChunk({ tool_calls: [{ index: 0, function: { arguments: '"Lisbon"}' } }] }),
        chatChunk({}, { finish_reason: 'tool_calls' }),
        {
          ...(chatChunk(undefined) as object),
          usage: { prompt_tokens: 50, completion_tokens: 20 },
        },
      ]),
    );
    const stream = client.messages.stream({
      model: 'gpt-fake',
      max_tokens: 1024,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Weather in Lisbon and Porto?' }],
    });
    const final = await stream.finalMessage();
    expect(final.content).toMatchObject([
      { type: 'text', text: 'Checking both.' },
      { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Lisbon' } },
      { type: 'tool_use', id: 'call_b', name: 'get_weather', input: { city: 'Porto' } },
    ]);
    expect(final.stop_reason).toBe('tool_use');
    expect(final.usage.output_tokens).toBe(20);
    expect(sentBody()['stream_options']).toEqual({ include_usage: true });
  });

  it('sends the tool result back in OpenAI shape on the second turn', async () => {
    upstream.enqueue(
      json(200, {
        id: 'c',
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Sunny.' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
    );
    await client.messages.create({
      model: 'gpt-fake',
      max_tokens: 100,
      tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Weather in Lisbon?' },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Lisbon' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'call_a', content: '22°C, sunny' },
            { type: 'text', text: 'Answer in one word.' },
          ],
        },
      ],
    });
    const messages = sentBody()['messages'] as Record<string, unknown>[];
    expect(messages.map((m) => m['role'])).toEqual(['user', 'assistant', 'tool', 'user']);
    expect(messages[1]).toMatchObject({
      tool_calls: [
        {
          id: 'call_a',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"Lisbon"}' },
        },
      ],
    });
    expect(messages[2]).toMatchObject({ tool_call_id: 'call_a', content: '22°C, sunny' });
    expect(JSON.stringify(messages[3])).toContain('Answer in one word.');
  });

  it('sends pings while the upstream is silent, then the answer', async () => {
    await proxy.close();
    proxy = await startProxy(
      { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: `${upstream.url}/v1` },
      { pingIntervalMs: 100 },
    );
    upstream.enqueue(
      chatStream(
        [chatChunk({ content: 'thought long' }), chatChunk({}, { finish_reason: 'stop' })],
        { silentFirstMs: 450 },
      ),
    );
    const res = await fetch(`${proxy.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({
        model: 'gpt-fake',
        max_tokens: 10,
        stream: true,
        messages: [{ role: 'user', content: 'think' }],
      }),
    });
    const text = await res.text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events.filter((e) => e === 'ping').length).toBeGreaterThanOrEqual(2);
    expect(events.indexOf('ping')).toBeLessThan(events.indexOf('content_block_delta'));
    expect(events.at(-1)).toBe('message_stop');
    expect(text).toContain('thought long');
  });

  it('keeps unparseable tool arguments raw and logs a translation note', async () => {
    upstream.enqueue(
      json(200, {
        id: 'c',
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            finish_reason: 'tool_calls',
            message: {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: 'call_x',
                  type: 'function',
                  function: { name: 'get_weather', arguments: '{"city": Lisb' },
                },
              ],
            },
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
    );
    const msg = await client.messages.create({
      model: 'gpt-fake',
      max_tokens: 100,
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(msg.content[0]).toMatchObject({
      type: 'tool_use',
      id: 'call_x',
      input: { _raw_arguments: '{"city": Lisb' },
    });
    await expect.poll(() => proxy.logs.join('')).toContain('translation note');
  });

  it('maps an upstream 429 to an Anthropic rate_limit_error with retry-after', async () => {
    upstream.enqueue(
      json(
        429,
        { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } },
        { 'retry-after': '7' },
      ),
    );
    const error = (await client.messages
      .create({ model: 'gpt-fake', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    expect(error.headers?.get('retry-after')).toBe('7');
  });

  it('counts tokens locally for an OpenAI-format provider, tools included', async () => {
    const plain = await client.messages.countTokens({
      model: 'gpt-fake',
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    const withTool = await client.messages.countTokens({
      model: 'gpt-fake',
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(plain.input_tokens).toBeGreaterThan(0);
    expect(withTool.input_tokens).toBeGreaterThan(plain.input_tokens);
    expect(upstream.requests).toHaveLength(0);
  });

  it('delivers the captured Claude Code request with its in-conversation environment block', async () => {
    const fixture = JSON.parse(
      readFileSync(resolve('../shared/fixtures/claude-code-request.json'), 'utf8'),
    ) as { body: Record<string, unknown> };
    upstream.enqueue(
      chatStream([chatChunk({ content: 'hi' }), chatChunk({}, { finish_reason: 'stop' })]),
    );
    const res = await fetch(`${proxy.url}/v1/messages?beta=true`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'anthropic-version': '2023-06-01',
        'x-api-key': 'client',
      },
      body: JSON.stringify({ ...fixture.body, model: 'gpt-fake' }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('message_stop');
    const body = sentBody();
    const original = fixture.body['messages'] as { role: string; content: unknown }[];
    const sentMessages = body['messages'] as { role: string; content: unknown }[];
    // The environment block is a system message inside messages: same position, same text.
    const at = original.findIndex((m) => m.role === 'system');
    expect(at).toBeGreaterThanOrEqual(0);
    const block = original[at]?.content;
    const text =
      typeof block === 'string'
        ? block
        : (block as { text: string }[]).map((b) => b.text).join('\n\n');
    const leading = sentMessages[0]?.role === 'system' ? 1 : 0;
    expect(sentMessages[at + leading]).toEqual({ role: 'system', content: text });
    expect(JSON.stringify(body)).not.toContain('x-anthropic-billing-header');
    // max_tokens goes through unclamped (vandamme clamped to 4096).
    expect(body['max_completion_tokens']).toBe(fixture.body['max_tokens']);
    expect((body['tools'] as unknown[]).length).toBeGreaterThan(0);
  });
});
