import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  anthropicError,
  chatChunk,
  chatStream,
  json,
  startFakeUpstream,
  stream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

const OPENAI_KEY = 'sk-test-FAKE-openai-chat-00000000000001';
const ANTHROPIC_KEY = 'sk-test-FAKE-anthropic-chat-000000002';
let openaiUpstream: FakeUpstream;
let anthropicUpstream: FakeUpstream;
let proxy: Harness;
let client: OpenAI;

beforeEach(async () => {
  openaiUpstream = await startFakeUpstream();
  anthropicUpstream = await startFakeUpstream();
  proxy = await startProxy({
    OPENAI_API_KEY: OPENAI_KEY,
    OPENAI_BASE_URL: `${openaiUpstream.url}/v1`,
    ANTHROPIC_API_KEY: ANTHROPIC_KEY,
    ANTHROPIC_BASE_URL: anthropicUpstream.url,
    VDM_DEFAULT_PROVIDER: 'openai',
  });
  client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'client', maxRetries: 0 });
});

afterEach(async () => {
  await proxy.close();
  await openaiUpstream.close();
  await anthropicUpstream.close();
});

describe('OpenAI clients, OpenAI-format provider (passthrough)', () => {
  it('forwards the body with only the model replaced and relays the answer', async () => {
    openaiUpstream.enqueue(
      json(200, {
        id: 'c1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-up',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'hi!' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
      }),
    );
    const raw = '{"model":"openai:gpt-x","messages":[{"role":"user","content":"é"}],"seed":7}';
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer client' },
      body: raw,
    });
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]?.message
        .content,
    ).toBe('hi!');
    expect(openaiUpstream.requests[0]?.url).toBe('/v1/chat/completions');
    expect(openaiUpstream.requests[0]?.body).toBe(raw.replace('"openai:gpt-x"', '"gpt-x"'));
    expect(openaiUpstream.requests[0]?.headers['authorization']).toBe(`Bearer ${OPENAI_KEY}`);
    await expect
      .poll(() => proxy.app.activity.recent(1)[0]?.tokens)
      .toEqual({ input: 3, output: 2, cacheRead: 0, cacheCreation: 0 });
  });

  it('relays a stream the SDK reads to the end', async () => {
    openaiUpstream.enqueue(
      chatStream([
        chatChunk({ role: 'assistant', content: '' }),
        chatChunk({ content: 'Hel' }),
        chatChunk({ content: 'lo' }),
        chatChunk({}, { finish_reason: 'stop' }),
      ]),
    );
    const s = await client.chat.completions.create({
      model: 'gpt-x',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of s) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello');
  });

  it('answers errors in OpenAI shape', async () => {
    openaiUpstream.enqueue(
      json(401, {
        error: {
          message: 'Incorrect API key provided',
          type: 'invalid_request_error',
          code: 'invalid_api_key',
        },
      }),
    );
    await expect(
      client.chat.completions.create({
        model: 'gpt-x',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const bad = await client.chat.completions
      .create({ model: 'nope:x', messages: [{ role: 'user', content: 'hi' }] })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).message).toMatch(/nope/);
  });
});

describe('OpenAI clients, Anthropic-format provider (translated)', () => {
  it('translates a request with tools and the non-streaming answer back', async () => {
    anthropicUpstream.enqueue(
      json(200, {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-up',
        content: [
          { type: 'text', text: 'Let me check.' },
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Lisbon' } },
        ],
        stop_reason: 'tool_use',
        stop_sequence: null,
        usage: {
          input_tokens: 10,
          output_tokens: 7,
          cache_read_input_tokens: 4,
          cache_creation_input_tokens: 0,
        },
      }),
    );
    const completion = await client.chat.completions.create({
      model: 'anthropic:claude-up',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Lisbon?' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      ],
    });
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBe('Let me check.');
    expect(choice?.message.tool_calls?.[0]).toMatchObject({
      id: 'toolu_1',
      type: 'function',
      function: { name: 'get_weather' },
    });
    expect(
      JSON.parse(
        (choice?.message.tool_calls?.[0] as { function: { arguments: string } }).function.arguments,
      ),
    ).toEqual({ city: 'Lisbon' });
    expect(completion.usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 7 });
    const sent = JSON.parse(anthropicUpstream.requests[0]?.body ?? '{}') as Record<string, unknown>;
    expect(anthropicUpstream.requests[0]?.url).toBe('/v1/messages');
    expect(anthropicUpstream.requests[0]?.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    expect(sent['model']).toBe('claude-up');
    expect(sent['system']).toBeDefined();
    expect(sent['tools']).toMatchObject([
      { name: 'get_weather', input_schema: { type: 'object' } },
    ]);
    expect(typeof sent['max_tokens']).toBe('number');
  });

  it('translates an Anthropic stream into chunks, usage chunk and [DONE]', async () => {
    anthropicUpstream.enqueue(stream(['Hel', 'lo']));
    const s = await client.chat.completions.create({
      model: 'anthropic:claude-up',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: unknown;
    for await (const chunk of s) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello');
    expect(usage).toMatchObject({ completion_tokens: 3 });
  });

  it('maps an Anthropic 429 to the SDK RateLimitError', async () => {
    anthropicUpstream.enqueue(
      anthropicError(429, 'rate_limit_error', 'slow down', { 'retry-after': '3' }),
    );
    await expect(
      client.chat.completions.create({
        model: 'anthropic:claude-up',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.RateLimitError);
  });
});
