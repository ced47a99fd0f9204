import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import {
  functionCallItem,
  messageItem,
  reasoningItem,
  responseObject,
  responsesEventsFor,
  responsesJson,
  responsesStream,
} from '../../../test-support/fake-responses.js';
import { json, startFakeUpstream, type FakeUpstream } from '../../../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../../../test-support/proxy-harness.js';

let upstream: FakeUpstream;
let proxy: Harness;
let client: OpenAI;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

async function setup(): Promise<void> {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    RESP_API_KEY: 'sk-test-FAKE-resp-chat-0000000000001',
    RESP_BASE_URL: `${upstream.url}/v1`,
    RESP_API_FORMAT: 'responses',
    RESP_MAX_RETRIES: '0',
    VDM_DEFAULT_PROVIDER: 'resp',
  });
  client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'client', maxRetries: 0 });
}

const sent = (i = 0): Record<string, unknown> =>
  JSON.parse(upstream.requests[i]?.body ?? '{}') as Record<string, unknown>;

describe('OpenAI Chat clients against an OpenAI Responses upstream', () => {
  it('translates a non-streaming completion, usage included', async () => {
    await setup();
    upstream.enqueue(
      responsesJson(
        responseObject([messageItem('Hello!')], { usage: { input: 9, cached: 4, output: 2 } }),
      ),
    );
    const completion = await client.chat.completions.create({
      model: 'gpt-5.2',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      max_completion_tokens: 50,
    });
    expect(completion.choices[0]?.message.content).toBe('Hello!');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 2 });
    expect(upstream.requests[0]?.url).toBe('/v1/responses');
    expect(sent()).toMatchObject({
      instructions: 'Be brief.',
      max_output_tokens: 50,
      stream: false,
      store: false,
    });
  });

  it('streams reasoning, text and a tool call as chat.completion.chunks', async () => {
    await setup();
    upstream.enqueue(
      responsesStream(
        responsesEventsFor([
          reasoningItem('Thinking.', 'gAAA'),
          messageItem('Checking.'),
          functionCallItem('call_c1', 'get_weather', '{"city":"Lisbon"}'),
        ]),
      ),
    );
    const stream = await client.chat.completions.create({
      model: 'gpt-5.2',
      stream: true,
      stream_options: { include_usage: true },
      reasoning_effort: 'low',
      tools: [
        { type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } },
      ],
      messages: [{ role: 'user', content: 'Lisbon?' }],
    });
    let text = '';
    let args = '';
    let finish: string | null | undefined;
    let usage: unknown;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      text += choice?.delta.content ?? '';
      args += choice?.delta.tool_calls?.[0]?.function?.arguments ?? '';
      finish = choice?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Checking.');
    expect(JSON.parse(args)).toEqual({ city: 'Lisbon' });
    expect(finish).toBe('tool_calls');
    expect(usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 5 });
    expect(sent()).toMatchObject({ reasoning: { effort: 'low', summary: 'auto' }, stream: true });
  });

  it('an upstream 429 reaches the client in the OpenAI shape', async () => {
    await setup();
    upstream.enqueue(
      json(429, {
        error: { message: 'slow down', type: 'rate_limit', code: 'rate_limit_exceeded' },
      }),
    );
    const error = (await client.chat.completions
      .create({ model: 'gpt-5.2', messages: [{ role: 'user', content: 'x' }] })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(429);
    expect(error.message).toContain('slow down');
  });
});
