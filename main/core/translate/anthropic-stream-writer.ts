import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { ProxyError } from '../errors/proxy-error.js';
import { anthropicStreamErrorEvent } from '../errors/render-anthropic-error.js';
import type { IrUsage } from './ir.js';
import { messageStartFrame, PING_FRAME, sseFrame } from './openai-chat/stream-sse.js';

/** What every translated stream says about itself in message_start and error events. */
export interface AnthropicStreamIdentity {
  /** The model name the client sent; goes into message_start. */
  readonly requestedModel: string;
  /** msg_... */
  readonly messageId: string;
  /** For error events. */
  readonly requestId: string;
  /** Best known input count for message_start. */
  readonly inputTokensEstimate?: number;
}

/**
 * An upstream SSE stream turned into an Anthropic Messages stream: the part every upstream format
 * shares. Push-based so the caller owns the sockets, timers and back-pressure; every method
 * returns the Anthropic SSE text to write now. The parser does not care where the bytes are split
 * (mid-line, mid-UTF-8 character). Subclasses read one upstream event at a time (`onData`),
 * append frames to `out`, keep `tokens` current, and end the message in `finish`.
 */
export abstract class AnthropicStreamWriter {
  readonly #identity: AnthropicStreamIdentity;
  // Decoding with `stream: true` keeps a UTF-8 character split across chunks whole.
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: EventSourceParser;
  #started = false;
  #finished = false;
  /** Frames produced by the parser callbacks during the current call. */
  protected out = '';
  protected tokens: IrUsage;

  constructor(identity: AnthropicStreamIdentity) {
    this.#identity = identity;
    this.tokens = {
      input: identity.inputTokensEstimate ?? 0,
      output: 0,
      cacheRead: 0,
      cacheCreation: 0,
    };
    this.#parser = createParser({
      onEvent: (event) => {
        if (!this.#finished) this.onData(event.data);
      },
    });
  }

  get started(): boolean {
    return this.#started;
  }

  get finished(): boolean {
    return this.#finished;
  }

  get usage(): IrUsage {
    return this.tokens;
  }

  push(chunk: Uint8Array): string {
    if (this.#finished || chunk.byteLength === 0) return '';
    this.out = this.#start();
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
    return this.#take();
  }

  /** The upstream closed: a last event without its blank line still counts. */
  end(): string {
    if (this.#finished) return '';
    this.out = this.#start();
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    this.finish();
    return this.#take();
  }

  fail(error: ProxyError): string {
    if (this.#finished) return '';
    this.#finished = true;
    return anthropicStreamErrorEvent(error, this.#identity.requestId);
  }

  /** Starts the message first if needed: a stream must open with message_start. */
  ping(): string {
    if (this.#finished) return '';
    return this.#start() + PING_FRAME;
  }

  /** One upstream SSE `data:` payload; never called once the stream finished. */
  protected abstract onData(data: string): void;

  /** Closes what is open and ends the message (`closeMessage`); a no-op once finished. */
  protected abstract finish(): void;

  /** Marks the stream finished; false when it already was. */
  protected markFinished(): boolean {
    if (this.#finished) return false;
    this.#finished = true;
    return true;
  }

  /** message_delta with the stop reason and the final usage, then message_stop. */
  protected closeMessage(stopReason: string): string {
    return (
      sseFrame('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: {
          input_tokens: this.tokens.input,
          cache_creation_input_tokens: this.tokens.cacheCreation,
          cache_read_input_tokens: this.tokens.cacheRead,
          output_tokens: this.tokens.output,
        },
      }) + sseFrame('message_stop', { type: 'message_stop' })
    );
  }

  #take(): string {
    const out = this.out;
    this.out = '';
    return out;
  }

  #start(): string {
    if (this.#started) return '';
    this.#started = true;
    return messageStartFrame({
      messageId: this.#identity.messageId,
      requestedModel: this.#identity.requestedModel,
      inputTokens: this.tokens.input,
    });
  }
}
