import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The benchmark's fake upstream, started the way bench/run.js starts it: its own process, address by IPC.
const script = fileURLToPath(new URL('./fake-upstream.js', import.meta.url));

let child: ChildProcess;
let baseURL: string;

beforeAll(async () => {
  child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  baseURL = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake upstream exited (${code})`)));
    child.on('message', (msg) => {
      const m = msg as { type?: string; url?: string };
      if (m.type === 'listening' && m.url) resolve(m.url);
    });
  });
});

afterAll(() => {
  child.kill('SIGKILL');
});

const client = () => new Anthropic({ baseURL, apiKey: 'x', maxRetries: 0 });

describe('bench fake upstream', () => {
  it('streams the requested number of paced text deltas as valid Anthropic events', async () => {
    const stream = client().messages.stream(
      { model: 'claude-bench', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] },
      { headers: { 'x-bench-chunks': '25', 'x-bench-interval-ms': '1' } },
    );
    const types: string[] = [];
    stream.on('streamEvent', (event) => types.push(event.type));
    const message = await stream.finalMessage();

    expect(types[0]).toBe('message_start');
    expect(types[1]).toBe('content_block_start');
    expect(types.filter((t) => t === 'content_block_delta')).toHaveLength(25);
    expect(types.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(message.content).toHaveLength(1);
    expect(message.content[0]).toMatchObject({ type: 'text', text: ' token'.repeat(25) });
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(25);
  });

  it('answers a plain request with a small Messages JSON', async () => {
    const message = await client().messages.create({
      model: 'claude-bench',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(message.type).toBe('message');
    expect(message.content[0]?.type).toBe('text');
  });

  it('streams paced Chat chunks an OpenAI client reads, pacing taken from the prompt', async () => {
    const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'x', maxRetries: 0 });
    const stream = await openai.chat.completions.create({
      model: 'gpt-bench',
      messages: [{ role: 'user', content: 'hi x-bench-chunks=25 x-bench-interval-ms=1' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let contentChunks = 0;
    const finish: (string | null)[] = [];
    let usage: unknown;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        contentChunks += 1;
      }
      if (choice?.finish_reason) finish.push(choice.finish_reason);
      if (chunk.choices.length === 0) usage = chunk.usage;
    }
    expect(contentChunks).toBe(25);
    expect(text).toBe(' token'.repeat(25));
    expect(finish).toEqual(['stop']);
    expect(usage).toMatchObject({ completion_tokens: 25 });
  });

  it('answers a plain Chat request with a chat.completion', async () => {
    const openai = new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'x', maxRetries: 0 });
    const completion = await openai.chat.completions.create({
      model: 'gpt-bench',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toContain('fixed answer');
    expect(completion.usage?.completion_tokens).toBe(24);
  });
});
