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

describe('bench fake upstream, OpenAI Responses', () => {
  const openai = () => new OpenAI({ baseURL: `${baseURL}/v1`, apiKey: 'x', maxRetries: 0 });

  it('answers a plain Responses request with a completed response', async () => {
    const response = await openai().responses.create({ model: 'gpt-bench', input: 'hi' });
    expect(response.object).toBe('response');
    expect(response.status).toBe('completed');
    expect(response.output).toHaveLength(1);
    expect(response.output[0]).toMatchObject({ type: 'message', role: 'assistant' });
    expect(response.output_text).toContain('fixed answer');
    expect(response.usage).toMatchObject({
      input_tokens: 12,
      output_tokens: 24,
      input_tokens_details: { cached_tokens: 0 },
    });
  });

  it('streams the Responses events in order, pacing taken from the prompt', async () => {
    const stream = await openai().responses.create({
      model: 'gpt-bench',
      input: 'hi x-bench-chunks=25 x-bench-interval-ms=1',
      stream: true,
    });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = '';
    let completed: unknown;
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.filter((t) => t === 'response.output_text.delta')).toHaveLength(25);
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(sequence).toEqual(types.map((_, i) => i));
    expect(text).toBe(' token'.repeat(25));
    expect(completed).toMatchObject({
      status: 'completed',
      output: [{ type: 'message', content: [{ type: 'output_text', text }] }],
      usage: { input_tokens: 12, output_tokens: 25, input_tokens_details: { cached_tokens: 0 } },
    });
  });

  it('paces the Responses deltas: one write each, the interval apart (headers win)', async () => {
    const res = await fetch(`${baseURL}/v1/responses`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-bench-chunks': '10',
        'x-bench-interval-ms': '30',
      },
      // The body's marks are overridden by the headers.
      body: JSON.stringify({ model: 'gpt-bench', input: 'x-bench-chunks=3', stream: true }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const started = performance.now();
    const arrivals: number[] = [];
    let body = '';
    const decoder = new TextDecoder();
    for await (const part of res.body as AsyncIterable<Uint8Array>) {
      const chunk = decoder.decode(part, { stream: true });
      body += chunk;
      const deltas = chunk.match(/^event: response\.output_text\.delta$/gm)?.length ?? 0;
      for (let i = 0; i < deltas; i += 1) arrivals.push(performance.now() - started);
    }
    expect(arrivals).toHaveLength(10);
    expect(body).toMatch(/^event: response\.completed$/m);
    // Ten deltas, each 30 ms after the previous one: they arrive spread out, not in one burst.
    const gaps = arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? 0));
    expect(gaps.filter((g) => g >= 15).length).toBeGreaterThanOrEqual(7);
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(9 * 25);
  });
});
