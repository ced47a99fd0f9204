import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { ProxyError } from '../../errors/proxy-error.js';
import { anthropicStreamErrorEvent } from '../../errors/render-anthropic-error.js';
import { BlockWriter } from './stream-blocks.js';
import { readChatChunk, type ChatChunk } from './stream-chunk.js';
import { chunkErrorToProxyError } from './stream-error.js';
import { PING_FRAME, sseFrame, messageStartFrame } from './stream-sse.js';
import { ToolCallBlocks } from './stream-tools.js';
import { mergeUsage, stopReasonOf, type StreamUsage } from './stream-usage.js';

export type { StreamUsage } from './stream-usage.js';

export interface ChatStreamOptions {
  /** The model name the client sent; goes into message_start. */
  readonly requestedModel: string;
  /** msg_... */
  readonly messageId: string;
  /** For error events. */
  readonly requestId: string;
  /** Best known input count for message_start. */
  readonly inputTokensEstimate?: number;
  /** Reverse of tool-name sanitization. */
  readonly restoreToolName?: (sentName: string) => string;
  /** Sees every tool-call delta as sent (Gemini thought signatures ride on them). */
  readonly onToolCallDelta?: (raw: unknown) => void;
  /** Default true: reasoning_content / reasoning deltas -> thinking block. */
  readonly reasoningAsThinking?: boolean;
  /** Named in errors the upstream reports mid-stream; default "the upstream". */
  readonly provider?: string;
}

/**
 * OpenAI Chat Completions stream -> Anthropic Messages stream (TRANSLATION.md "OpenAI stream ->
 * Anthropic stream"). Push-based so the caller owns the sockets, timers and back-pressure; every
 * method returns the Anthropic SSE text to write now.
 */
export class ChatStreamTranslator {
  readonly #options: ChatStreamOptions;
  // Decoding with `stream: true` keeps a UTF-8 character split across chunks whole.
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: EventSourceParser;
  readonly #blocks = new BlockWriter();
  readonly #tools: ToolCallBlocks;
  /** Frames produced by the parser callbacks during the current call. */
  #out = '';
  #started = false;
  #finished = false;
  #thinking: number | undefined;
  #text: number | undefined;
  #finishReason: string | undefined;
  #usage: StreamUsage;

  constructor(options: ChatStreamOptions) {
    this.#options = options;
    this.#usage = {
      input: options.inputTokensEstimate ?? 0,
      output: 0,
      cacheRead: 0,
      cacheCreation: 0,
    };
    this.#parser = createParser({ onEvent: (event) => this.#onData(event.data) });
    this.#tools = new ToolCallBlocks(
      this.#blocks,
      options.restoreToolName ?? ((name) => name),
      (index) => `toolu_${options.messageId}_${index}`,
    );
  }

  get started(): boolean {
    return this.#started;
  }

  get finished(): boolean {
    return this.#finished;
  }

  get usage(): StreamUsage {
    return this.#usage;
  }

  push(chunk: Uint8Array): string {
    if (this.#finished || chunk.byteLength === 0) return '';
    this.#out = this.#start();
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
    return this.#take();
  }

  end(): string {
    if (this.#finished) return '';
    this.#out = this.#start();
    // A last event without its blank line still counts: the upstream is gone either way.
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    this.#finish();
    return this.#take();
  }

  fail(error: ProxyError): string {
    if (this.#finished) return '';
    this.#finished = true;
    return anthropicStreamErrorEvent(error, this.#options.requestId);
  }

  /** Starts the message first if needed: a stream must open with message_start. */
  ping(): string {
    if (this.#finished) return '';
    return this.#start() + PING_FRAME;
  }

  #take(): string {
    const out = this.#out;
    this.#out = '';
    return out;
  }

  #start(): string {
    if (this.#started) return '';
    this.#started = true;
    return messageStartFrame({
      messageId: this.#options.messageId,
      requestedModel: this.#options.requestedModel,
      inputTokens: this.#usage.input,
    });
  }

  #onData(data: string): void {
    if (this.#finished) return;
    // [DONE] and not finish_reason ends the message: the usage chunk comes after the finish chunk.
    if (data.trim() === '[DONE]') {
      this.#finish();
      return;
    }
    const chunk = readChatChunk(data);
    if (chunk === undefined) return;
    if (chunk.error !== undefined && chunk.error !== null) {
      const provider = this.#options.provider ?? 'the upstream';
      this.#out += this.fail(chunkErrorToProxyError(chunk.error, provider));
      return;
    }
    this.#onChunk(chunk);
  }

  #onChunk(chunk: ChatChunk): void {
    if (chunk.usage !== undefined) this.#usage = mergeUsage(this.#usage, chunk.usage);
    if (chunk.finishReason !== undefined) this.#finishReason = chunk.finishReason;
    if (chunk.reasoning && this.#options.reasoningAsThinking !== false) {
      this.#out += this.#reasoning(chunk.reasoning);
    }
    if (chunk.content) this.#out += this.#content(chunk.content);
    for (const fragment of chunk.toolCalls) {
      this.#options.onToolCallDelta?.(fragment.raw);
      this.#out += this.#tools.apply(fragment, () => this.#closeProse());
    }
  }

  #reasoning(thinking: string): string {
    let out = this.#blocks.close(this.#text);
    this.#text = undefined;
    if (this.#thinking === undefined) {
      const opened = this.#blocks.open({ type: 'thinking', thinking: '', signature: '' });
      this.#thinking = opened.index;
      out += opened.frame;
    }
    return out + this.#blocks.delta(this.#thinking, { type: 'thinking_delta', thinking });
  }

  #content(text: string): string {
    let out = this.#blocks.close(this.#thinking);
    this.#thinking = undefined;
    if (this.#text === undefined) {
      const opened = this.#blocks.open({ type: 'text', text: '' });
      this.#text = opened.index;
      out += opened.frame;
    }
    return out + this.#blocks.delta(this.#text, { type: 'text_delta', text });
  }

  /** Thinking and text end where a tool call begins, as in Anthropic's own streams. */
  #closeProse(): string {
    const out = this.#blocks.close(this.#thinking) + this.#blocks.close(this.#text);
    this.#thinking = undefined;
    this.#text = undefined;
    return out;
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#out += this.#tools.flush(() => this.#closeProse());
    this.#out += this.#blocks.closeAll();
    this.#out += sseFrame('message_delta', {
      type: 'message_delta',
      delta: {
        stop_reason: stopReasonOf(this.#finishReason, this.#tools.seen),
        stop_sequence: null,
      },
      usage: {
        input_tokens: this.#usage.input,
        cache_creation_input_tokens: this.#usage.cacheCreation,
        cache_read_input_tokens: this.#usage.cacheRead,
        output_tokens: this.#usage.output,
      },
    });
    this.#out += sseFrame('message_stop', { type: 'message_stop' });
  }
}
