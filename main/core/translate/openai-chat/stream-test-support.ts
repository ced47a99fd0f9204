import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';

/** The first exchange's response body of a protocol fixture, byte for byte (README "Format"). */
export function fixtureResponseBody(name: string, exchange = 0): string {
  const text = readFileSync(join(process.cwd(), '../shared/fixtures/protocol', name), 'utf8');
  const part = text.split(/^={72}$/m)[exchange] ?? '';
  const lines = part.split('\n');
  const status = lines.findIndex((line) => /^HTTP\/1\.1 \d{3}/.test(line));
  const blank = lines.findIndex((line, i) => i > status && line === '');
  return `${lines
    .slice(blank + 1)
    .join('\n')
    .trimEnd()}\n\n`;
}

export interface SseEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/** Our own output is strict Anthropic framing, so a strict reader doubles as a format check. */
export function parseAnthropicSse(text: string): SseEvent[] {
  if (text === '') return [];
  if (!text.endsWith('\n\n'))
    throw new Error(`unterminated frame: ${JSON.stringify(text.slice(-80))}`);
  return text
    .slice(0, -2)
    .split('\n\n')
    .map((frame) => {
      const match = /^event: ([a-z_]+)\ndata: (.*)$/.exec(frame);
      if (match?.[1] === undefined || match[2] === undefined) {
        throw new Error(`bad frame: ${JSON.stringify(frame)}`);
      }
      const data = JSON.parse(match[2]) as Record<string, unknown>;
      if (data['type'] !== match[1]) throw new Error(`event/type mismatch in ${frame}`);
      return { event: match[1], data };
    });
}

export interface AssembledBlock {
  readonly type: string;
  readonly text?: string;
  readonly thinking?: string;
  readonly id?: string;
  readonly name?: string;
  readonly input?: unknown;
}

export interface AssembledMessage {
  readonly content: AssembledBlock[];
  readonly stopReason: unknown;
  readonly usage: unknown;
}

interface Building {
  readonly start: Record<string, unknown>;
  text: string;
  stopped: boolean;
}

/**
 * Folds events into the final message like a client would, asserting the block protocol on the way:
 * indices start at 0 and increase by one, deltas only go to open blocks, every block is stopped.
 */
export function assembleMessage(events: readonly SseEvent[]): AssembledMessage {
  const blocks: Building[] = [];
  let stopReason: unknown;
  let usage: unknown;
  for (const { event, data } of events) {
    const index = data['index'] as number;
    if (event === 'content_block_start') {
      if (index !== blocks.length) throw new Error(`index ${index} out of order`);
      blocks.push({
        start: data['content_block'] as Record<string, unknown>,
        text: '',
        stopped: false,
      });
    } else if (event === 'content_block_delta') {
      const block = blocks[index];
      if (block === undefined || block.stopped) throw new Error(`delta to closed block ${index}`);
      const delta = data['delta'] as Record<string, string>;
      block.text += delta['text'] ?? delta['thinking'] ?? delta['partial_json'] ?? '';
    } else if (event === 'content_block_stop') {
      const block = blocks[index];
      if (block === undefined || block.stopped) throw new Error(`bad stop ${index}`);
      block.stopped = true;
    } else if (event === 'message_delta') {
      stopReason = (data['delta'] as Record<string, unknown>)['stop_reason'];
      usage = data['usage'];
    }
  }
  if (blocks.some((b) => !b.stopped)) throw new Error('a block was never stopped');
  const content = blocks.map(({ start, text }): AssembledBlock => {
    const type = start['type'] as string;
    if (type === 'text') return { type, text };
    if (type === 'thinking') return { type, thinking: text };
    const input: unknown = text === '' ? {} : JSON.parse(text);
    return { type, id: start['id'] as string, name: start['name'] as string, input };
  });
  return { content, stopReason, usage };
}

/** OpenAI-shaped chunk lines for hand-written cases. */
export function chatChunk(body: Record<string, unknown>): string {
  return `data: ${JSON.stringify({ id: 'chatcmpl-t', object: 'chat.completion.chunk', ...body })}\n\n`;
}

export function delta(d: Record<string, unknown>, finishReason: string | null = null): string {
  return chatChunk({ choices: [{ index: 0, delta: d, finish_reason: finishReason }] });
}

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A translator fed `bytes` cut at `cuts` (any order, duplicates allowed), then ended. */
export function translateInPieces(
  translator: { push(chunk: Uint8Array): string; end(): string },
  bytes: Uint8Array,
  cuts: readonly number[],
): string {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const to of [...points, bytes.length]) {
    out += translator.push(bytes.subarray(from, to));
    from = to;
  }
  return out + translator.end();
}

/**
 * The Anthropic block protocol holds: message_start first, one message_stop last, block indices
 * in opening order, and (assembleMessage throws otherwise) no delta to a closed block.
 */
export function expectSoundAnthropicStream(text: string): void {
  const events = parseAnthropicSse(text);
  assembleMessage(events);
  const indices = events
    .filter((e) => e.event === 'content_block_start')
    .map((e) => e.data['index']);
  expect(indices).toEqual(indices.map((_, i) => i));
  expect(events[0]?.event).toBe('message_start');
  expect(events.at(-1)?.event).toBe('message_stop');
  expect(events.filter((e) => e.event === 'message_stop')).toHaveLength(1);
}
