import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  functionCallItem,
  messageItem,
  reasoningItem,
  responseObject,
  responsesEventsFor,
  responsesJson,
  responsesReply,
  responsesStream,
} from '../../../test-support/fake-responses.js';
import { json, startFakeUpstream, type FakeUpstream } from '../../../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../../../test-support/proxy-harness.js';

const KEY = 'sk-test-FAKE-responses-000000000042';
let upstream: FakeUpstream;
let proxy: Harness;

afterEach(async () => {
  await proxy?.close();
  await upstream?.close();
});

/** A proxy whose provider `resp` speaks the Responses API at the fake upstream. */
async function setup(env: Record<string, string> = {}): Promise<Anthropic> {
  upstream = await startFakeUpstream(responsesReply([messageItem('fallback')]));
  proxy = await startProxy({
    RESP_API_KEY: KEY,
    RESP_BASE_URL: `${upstream.url}/v1`,
    RESP_API_FORMAT: 'responses',
    RESP_MAX_RETRIES: '0',
    VDM_DEFAULT_PROVIDER: 'resp',
    ...env,
  });
  return new Anthropic({ baseURL: proxy.url, apiKey: 'client', maxRetries: 0 });
}

const sent = (i = 0): Record<string, unknown> =>
  JSON.parse(upstream.requests[i]?.body ?? '{}') as Record<string, unknown>;

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
};

describe('Anthropic clients against an OpenAI Responses upstream', () => {
  it('streams thinking, text and a tool call that the SDK assembles into finalMessage', async () => {
    const client = await setup();
    const output = [
      reasoningItem('Need the weather.', 'gAAA-enc-1'),
      messageItem('Checking Lisbon.'),
      functionCallItem('call_w1', 'get_weather', '{"city":"Lisbon"}'),
    ];
    upstream.enqueue(
      responsesStream(
        responsesEventsFor(output, { usage: { input: 50, cached: 20, output: 9 }, pieces: 4 }),
      ),
    );
    const stream = client.messages.stream({
      model: 'gpt-5.2',
      max_tokens: 2048,
      system: 'Be brief.',
      thinking: { type: 'enabled', budget_tokens: 5000 },
      tools: [weatherTool],
      messages: [{ role: 'user', content: 'Weather in Lisbon?' }],
    });
    const textDeltas: string[] = [];
    stream.on('text', (t) => textDeltas.push(t));
    const message = await stream.finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use']);
    expect(message.content[2]).toMatchObject({
      id: 'call_w1',
      name: 'get_weather',
      input: { city: 'Lisbon' },
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({
      input_tokens: 30,
      cache_read_input_tokens: 20,
      output_tokens: 9,
    });
    expect(textDeltas.length).toBeGreaterThan(1);

    const request = upstream.requests[0];
    expect(request?.url).toBe('/v1/responses');
    expect(request?.headers['authorization']).toBe(`Bearer ${KEY}`);
    expect(request?.headers['anthropic-version']).toBeUndefined();
    expect(sent()).toMatchObject({
      model: 'gpt-5.2',
      instructions: 'Be brief.',
      stream: true,
      store: false,
      max_output_tokens: 2048,
      reasoning: { effort: 'medium', summary: 'auto' },
      tools: [{ type: 'function', name: 'get_weather', strict: false }],
    });
  });

  it('answers a non-streaming client from a JSON answer (stream false upstream)', async () => {
    const client = await setup();
    upstream.enqueue(
      responsesJson(
        responseObject([messageItem('Bonjour!')], { usage: { input: 12, cached: 2, output: 3 } }),
      ),
    );
    const message = await client.messages.create({
      model: 'gpt-5.2',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Say hi in French' }],
    });
    expect(message.content).toMatchObject([{ type: 'text', text: 'Bonjour!' }]);
    expect(message.model).toBe('gpt-5.2');
    expect(message.usage).toMatchObject({
      input_tokens: 10,
      cache_read_input_tokens: 2,
      output_tokens: 3,
    });
    expect(sent()['stream']).toBe(false);
  });

  it('a provider that always streams (chatgpt) serves a non-streaming client from the collected stream', async () => {
    upstream = await startFakeUpstream();
    proxy = await startProxy({
      CHATGPT_AUTH_MODE: 'api_key',
      CHATGPT_API_KEY: KEY,
      CHATGPT_BASE_URL: `${upstream.url}/backend-api/codex`,
      VDM_DEFAULT_PROVIDER: 'chatgpt',
    });
    const client = new Anthropic({ baseURL: proxy.url, apiKey: 'client', maxRetries: 0 });
    upstream.enqueue(responsesStream(responsesEventsFor([messageItem('Collected answer.')])));
    // Claude Code may send temperature; the installed SDK's types no longer list it.
    const params = {
      model: 'gpt-5.2-codex',
      max_tokens: 100,
      temperature: 0.5,
      messages: [{ role: 'user', content: 'hi' }],
    };
    const message = await client.messages.create(
      params as Anthropic.MessageCreateParamsNonStreaming,
    );
    expect(message.content).toMatchObject([{ type: 'text', text: 'Collected answer.' }]);
    const request = upstream.requests[0];
    expect(request?.url).toBe('/backend-api/codex/responses');
    expect(request?.headers['originator']).toBe('codex_cli_rs');
    expect(request?.headers['openai-beta']).toBe('responses=experimental');
    const body = sent();
    expect(body).toMatchObject({
      stream: true,
      store: false,
      include: ['reasoning.encrypted_content'],
    });
    expect(typeof body['instructions']).toBe('string');
    expect(body).not.toHaveProperty('max_output_tokens');
    expect(body).not.toHaveProperty('temperature');
  });

  it('runs a two-turn tool session, sending the call, its output and the encrypted reasoning back', async () => {
    const client = await setup();
    upstream.enqueue(
      responsesStream(
        responsesEventsFor([
          reasoningItem('Call the tool.', 'gAAA-enc-turn-1'),
          functionCallItem('call_t1', 'get_weather', '{"city":"Porto"}'),
        ]),
      ),
      responsesStream(responsesEventsFor([messageItem('It is 18C in Porto.')])),
    );
    const ask = {
      model: 'gpt-5.2',
      max_tokens: 1000,
      thinking: { type: 'adaptive' as const },
      tools: [weatherTool],
    };
    const first = await client.messages
      .stream({ ...ask, messages: [{ role: 'user', content: 'Porto?' }] })
      .finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const second = await client.messages
      .stream({
        ...ask,
        messages: [
          { role: 'user', content: 'Porto?' },
          { role: 'assistant', content: first.content },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: 'call_t1', content: '18C' }],
          },
        ],
      })
      .finalMessage();
    expect(second.content).toMatchObject([{ type: 'text', text: 'It is 18C in Porto.' }]);
    expect(second.stop_reason).toBe('end_turn');
    expect(sent(1)['input']).toEqual([
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Porto?' }] },
      {
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: 'Call the tool.' }],
        encrypted_content: 'gAAA-enc-turn-1',
      },
      {
        type: 'function_call',
        call_id: 'call_t1',
        name: 'get_weather',
        arguments: '{"city":"Porto"}',
      },
      { type: 'function_call_output', call_id: 'call_t1', output: '18C' },
    ]);
  });

  it.each([
    [400, 'invalid_request_error', 'BadRequestError'],
    [429, 'rate_limit_error', 'RateLimitError'],
  ])(
    'an upstream %i reaches the client in the Anthropic shape (%s)',
    async (status, type, name) => {
      const client = await setup();
      upstream.enqueue(
        json(status, {
          error: {
            message: `upstream says ${status}`,
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        }),
      );
      const error = (await client.messages
        .create({ model: 'gpt-5.2', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
        .catch((e: unknown) => e)) as InstanceType<typeof Anthropic.APIError>;
      expect(error.constructor.name).toBe(name);
      expect(error.status).toBe(status);
      expect(error.error).toMatchObject({ type: 'error', error: { type } });
      expect(error.message).toContain(`upstream says ${status}`);
    },
  );

  it('an error event mid-stream becomes an Anthropic error event the SDK throws', async () => {
    const client = await setup();
    const events = responsesEventsFor([messageItem('Partial')], {
      terminal: {
        type: 'error',
        code: 'rate_limit_exceeded',
        message: 'Rate limit reached',
        param: null,
      },
    });
    upstream.enqueue(responsesStream(events));
    const error = await client.messages
      .stream({ model: 'gpt-5.2', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] })
      .finalMessage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(String(error)).toContain('Rate limit reached');
  });

  it('counts tokens locally', async () => {
    const client = await setup();
    const count = await client.messages.countTokens({
      model: 'gpt-5.2',
      messages: [{ role: 'user', content: 'How many tokens is this?' }],
    });
    expect(count.input_tokens).toBeGreaterThan(3);
    expect(upstream.requests).toHaveLength(0);
  });
});
