import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatStreamTranslator, type ChatStreamOptions } from './stream.js';
import {
  assembleMessage,
  encode,
  fixtureResponseBody,
  parseAnthropicSse,
} from './stream-test-support.js';

const OPTIONS: ChatStreamOptions = {
  requestedModel: 'claude-sonnet-4-6',
  messageId: 'msg_test_0001',
  requestId: 'req_test_0001',
  inputTokensEstimate: 1800,
};

function translateWhole(body: string, options: ChatStreamOptions = OPTIONS): string {
  const translator = new ChatStreamTranslator(options);
  return translator.push(encode(body)) + translator.end();
}

describe('ChatStreamTranslator on openai-chat-stream-tools.txt', () => {
  const body = fixtureResponseBody('openai-chat-stream-tools.txt');

  it('emits the Anthropic event sequence, tool blocks opened lazily and closed at [DONE]', () => {
    const events = parseAnthropicSse(translateWhole(body));
    const shape = events.map(({ event, data }) =>
      typeof data['index'] === 'number' ? `${event}#${data['index']}` : event,
    );
    expect(shape).toEqual([
      'message_start',
      'content_block_start#0',
      'content_block_delta#0',
      'content_block_delta#0',
      'content_block_delta#0',
      'content_block_stop#0',
      'content_block_start#1',
      'content_block_delta#1',
      'content_block_delta#1',
      'content_block_delta#1',
      'content_block_start#2',
      'content_block_delta#2',
      'content_block_delta#2',
      'content_block_stop#1',
      'content_block_stop#2',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]?.data).toEqual({
      type: 'message_start',
      message: {
        id: 'msg_test_0001',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-6',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: 1800,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          output_tokens: 1,
        },
      },
    });
  });

  it('assembles to the text, both tool calls with parsed input, tool_use and cache-aware usage', () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const text = translator.push(encode(body)) + translator.end();
    expect(assembleMessage(parseAnthropicSse(text))).toEqual({
      content: [
        { type: 'text', text: "I'll check both cities at once." },
        {
          type: 'tool_use',
          id: 'call_test0000000000000000000A',
          name: 'get_weather',
          input: { city: 'Lisbon' },
        },
        {
          type: 'tool_use',
          id: 'call_test0000000000000000000B',
          name: 'get_weather',
          input: { city: 'Porto' },
        },
      ],
      stopReason: 'tool_use',
      // prompt_tokens 1874 includes the 1536 cached ones; Anthropic's input_tokens does not.
      usage: {
        input_tokens: 338,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 1536,
        output_tokens: 156,
      },
    });
    expect(translator.usage).toEqual({
      input: 338,
      output: 156,
      cacheRead: 1536,
      cacheCreation: 0,
    });
    expect(translator.finished).toBe(true);
  });

  it('restores sanitized tool names', () => {
    const text = translateWhole(body, { ...OPTIONS, restoreToolName: (n) => `mcp__x__${n}` });
    const tools = assembleMessage(parseAnthropicSse(text)).content.filter(
      (b) => b.type === 'tool_use',
    );
    expect(tools.map((b) => b.name)).toEqual(['mcp__x__get_weather', 'mcp__x__get_weather']);
  });
});

describe('the official Anthropic SDK reading our stream', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  async function serve(sse: string): Promise<string> {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
      res.end(sse);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  it('finalMessage() gives the text, both tool_use inputs, stop_reason and usage', async () => {
    const sse = translateWhole(fixtureResponseBody('openai-chat-stream-tools.txt'));
    const client = new Anthropic({ baseURL: await serve(sse), apiKey: 'x', maxRetries: 0 });
    const message = await client.messages
      .stream({
        model: 'claude-sonnet-4-6',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'hi' }],
      })
      .finalMessage();
    expect(message.id).toBe('msg_test_0001');
    expect(message.model).toBe('claude-sonnet-4-6');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toMatchObject([
      { type: 'text', text: "I'll check both cities at once." },
      { type: 'tool_use', id: 'call_test0000000000000000000A', input: { city: 'Lisbon' } },
      { type: 'tool_use', id: 'call_test0000000000000000000B', input: { city: 'Porto' } },
    ]);
    expect(message.usage).toMatchObject({
      input_tokens: 338,
      output_tokens: 156,
      cache_read_input_tokens: 1536,
    });
  });

  it('accepts a thinking block and pings', async () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const sse =
      translator.ping() +
      translator.push(encode(fixtureResponseBody('openai-chat-reasoning-content.txt', 1))) +
      translator.end();
    const client = new Anthropic({ baseURL: await serve(sse), apiKey: 'x', maxRetries: 0 });
    const message = await client.messages
      .stream({ model: 'm', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] })
      .finalMessage();
    expect(message.content).toMatchObject([
      { type: 'thinking', thinking: 'The tool says 19 C with light wind.' },
      { type: 'text', text: "It's 19 C in Lisbon with a light wind." },
    ]);
    expect(message.stop_reason).toBe('end_turn');
  });

  it('surfaces a mid-stream error as an APIError', async () => {
    const translator = new ChatStreamTranslator(OPTIONS);
    const sse =
      translator.push(
        encode('data: {"error":{"message":"boom","type":"server_error","code":null}}\n\n'),
      ) + translator.end();
    const client = new Anthropic({ baseURL: await serve(sse), apiKey: 'x', maxRetries: 0 });
    const stream = client.messages.stream({
      model: 'm',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hi' }],
    });
    await expect(stream.finalMessage()).rejects.toThrow(/boom/);
  });
});
