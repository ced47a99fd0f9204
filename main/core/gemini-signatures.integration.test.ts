import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chatChunk,
  chatStream,
  json,
  startFakeUpstream,
  type FakeUpstream,
} from '../test-support/fake-upstream.js';
import { startProxy, type Harness } from '../test-support/proxy-harness.js';

/** Gemini's answer from ../shared/fixtures/protocol/openai-chat-reasoning-content.txt (fake signature). */
const SIGNATURE = 'dGVzdC1nZW1pbmktdGhvdWdodC1zaWduYXR1cmUtbm90LXJlYWw=';
const geminiToolAnswer = {
  id: 'test-gemini-completion-0001',
  object: 'chat.completion',
  model: 'gemini-3-pro-preview',
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        tool_calls: [
          {
            id: 'fc-1',
            type: 'function',
            extra_content: { google: { thought_signature: SIGNATURE } },
            function: { name: 'get_temp', arguments: '{"location":"Paris"}' },
          },
          {
            id: 'fc-2',
            type: 'function',
            function: { name: 'get_temp', arguments: '{"location":"London"}' },
          },
        ],
      },
    },
  ],
  usage: { prompt_tokens: 61, completion_tokens: 38 },
};
const done = json(200, {
  id: 'c',
  object: 'chat.completion',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Paris 20, London 15' },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 1, completion_tokens: 1 },
});
const tool = {
  name: 'get_temp',
  description: 'temperature',
  input_schema: { type: 'object' as const, properties: { location: { type: 'string' } } },
};

let upstream: FakeUpstream;
let proxy: Harness;
let client: Anthropic;

beforeEach(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy({
    GEMINI_API_KEY: 'gemini-FAKE-key-0000000000000000',
    GEMINI_BASE_URL: `${upstream.url}/v1beta/openai`,
  });
  client = new Anthropic({ baseURL: proxy.url, apiKey: 'x', maxRetries: 0 });
});

afterEach(async () => {
  await proxy.close();
  await upstream.close();
});

type ToolUse = { id: string; name: string; input: unknown };
const isToolUse = (b: Anthropic.ContentBlock): b is Anthropic.ToolUseBlock => b.type === 'tool_use';

async function secondTurn(calls: ToolUse[]): Promise<{ tool_calls: Record<string, unknown>[] }> {
  upstream.enqueue(done);
  await client.messages.create({
    model: 'gemini:gemini-3-pro-preview',
    max_tokens: 100,
    tools: [tool],
    messages: [
      { role: 'user', content: 'Temperatures in Paris and London?' },
      {
        role: 'assistant',
        content: calls.map((c) => ({
          type: 'tool_use' as const,
          id: c.id,
          name: c.name,
          input: c.input,
        })),
      },
      {
        role: 'user',
        content: calls.map((c) => ({
          type: 'tool_result' as const,
          tool_use_id: c.id,
          content: '20',
        })),
      },
    ],
  });
  const sent = JSON.parse(upstream.requests.at(-1)?.body ?? '{}') as {
    messages: { role: string; tool_calls?: Record<string, unknown>[] }[];
  };
  const assistant = sent.messages.find((m) => m.role === 'assistant');
  return { tool_calls: assistant?.tool_calls ?? [] };
}

describe('Gemini thought signatures', () => {
  it('are echoed next turn on the call that carried them, and only there', async () => {
    upstream.enqueue(json(200, geminiToolAnswer));
    const first = await client.messages.create({
      model: 'gemini:gemini-3-pro-preview',
      max_tokens: 100,
      tools: [tool],
      messages: [{ role: 'user', content: 'Temperatures in Paris and London?' }],
    });
    const calls = first.content.filter(isToolUse);
    expect(calls.map((c) => c.id)).toEqual(['fc-1', 'fc-2']);
    const { tool_calls } = await secondTurn(calls);
    expect(tool_calls[0]?.['extra_content']).toEqual({ google: { thought_signature: SIGNATURE } });
    expect(tool_calls[1]?.['extra_content']).toBeUndefined();
  });

  it('are remembered from a stream too', async () => {
    upstream.enqueue(
      chatStream([
        chatChunk({
          tool_calls: [
            {
              index: 0,
              id: 'fc-s1',
              type: 'function',
              extra_content: { google: { thought_signature: SIGNATURE } },
              function: { name: 'get_temp', arguments: '{"location":"Paris"}' },
            },
          ],
        }),
        chatChunk({}, { finish_reason: 'tool_calls' }),
      ]),
    );
    const first = await client.messages
      .stream({
        model: 'gemini:gemini-3-pro-preview',
        max_tokens: 100,
        tools: [tool],
        messages: [{ role: 'user', content: 'Paris?' }],
      })
      .finalMessage();
    const calls = first.content.filter(isToolUse);
    const { tool_calls } = await secondTurn(calls);
    expect(tool_calls[0]?.['extra_content']).toEqual({ google: { thought_signature: SIGNATURE } });
  });

  it('fall back to the documented dummy for a call from foreign history', async () => {
    const { tool_calls } = await secondTurn([
      { id: 'toolu_from_claude', name: 'get_temp', input: { location: 'Paris' } },
    ]);
    expect(tool_calls[0]?.['extra_content']).toEqual({
      google: { thought_signature: 'skip_thought_signature_validator' },
    });
  });
});
