import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { ProxyError } from '../../errors/proxy-error.js';
import { anthropicStreamErrorEvent } from '../../errors/render-anthropic-error.js';
import type { IrUsage } from '../ir.js';
import { isObject, isString, type JsonObject } from '../json-narrowing.js';
import { PING_FRAME, sseFrame, messageStartFrame } from '../openai-chat/stream-sse.js';
import { errorEventToProxyError, responseFailure } from './stream-error.js';
import { OutputBlocks } from './stream-items.js';
import { responsesStopReason, responsesUsageToIr } from './usage.js';

export interface ResponsesStreamOptions {
  /** The model name the client sent; goes into message_start. */
  readonly requestedModel: string;
  /** msg_... */
  readonly messageId: string;
  /** For error events. */
  readonly requestId: string;
  /** Seals encrypted reasoning to this provider and names it in errors. */
  readonly provider: string;
  /** Best known input count for message_start. */
  readonly inputTokensEstimate?: number;
  /** Reverse of tool-name sanitization. */
  readonly restoreToolName?: (sentName: string) => string;
}

const parse = (data: string): JsonObject | undefined => {
  try {
    const value = JSON.parse(data) as unknown;
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * OpenAI Responses stream -> Anthropic Messages stream. Push-based like the Chat translator, so the
 * caller owns sockets, timers and back-pressure; every method returns the Anthropic SSE text to
 * write now. The parser does not care where the bytes are split (mid-line, mid-UTF-8 character).
 */
export class ResponsesStreamTranslator {
  readonly #options: ResponsesStreamOptions;
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: EventSourceParser;
  readonly #items: OutputBlocks;
  #out = '';
  #started = false;
  #finished = false;
  #refused = false;
  #usage: IrUsage;

  constructor(options: ResponsesStreamOptions) {
    this.#options = options;
    this.#usage = {
      input: options.inputTokensEstimate ?? 0,
      output: 0,
      cacheRead: 0,
      cacheCreation: 0,
    };
    this.#parser = createParser({ onEvent: (event) => this.#onData(event.data) });
    this.#items = new OutputBlocks(options.provider, options.restoreToolName ?? ((name) => name));
  }

  get started(): boolean {
    return this.#started;
  }

  get finished(): boolean {
    return this.#finished;
  }

  get usage(): IrUsage {
    return this.#usage;
  }

  push(chunk: Uint8Array): string {
    if (this.#finished || chunk.byteLength === 0) return '';
    this.#out = this.#start();
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
    return this.#take();
  }

  /** The upstream closed: a last event without its blank line still counts. */
  end(): string {
    if (this.#finished) return '';
    this.#out = this.#start();
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    this.#finish(undefined);
    return this.#take();
  }

  fail(error: ProxyError): string {
    if (this.#finished) return '';
    this.#finished = true;
    return anthropicStreamErrorEvent(error, this.#options.requestId);
  }

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

  /** Dispatches on the JSON `type`, which every Responses event repeats from its `event:` line. */
  #onData(text: string): void {
    if (this.#finished) return;
    const data = parse(text);
    if (data === undefined || !isString(data.type)) return;
    switch (data.type) {
      case 'response.output_item.added':
        this.#out += this.#items.itemAdded(data);
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        this.#out += this.#items.thinkingDelta(data);
        return;
      case 'response.refusal.delta':
        this.#refused = true;
        this.#out += this.#items.textDelta(data);
        return;
      case 'response.output_text.delta':
        this.#out += this.#items.textDelta(data);
        return;
      case 'response.function_call_arguments.delta':
        this.#out += this.#items.argumentsDelta(data);
        return;
      case 'response.output_item.done':
        this.#out += this.#items.itemDone(data);
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.#finish(isObject(data.response) ? data.response : undefined);
        return;
      case 'response.failed': {
        const response = isObject(data.response) ? data.response : {};
        this.#out += this.fail(responseFailure(response.error, this.#options.provider));
        return;
      }
      case 'error':
        this.#out += this.fail(errorEventToProxyError(data, this.#options.provider));
        return;
      default:
        return;
    }
  }

  /** Closes every block, then message_delta (stop reason, usage) and message_stop. */
  #finish(response: JsonObject | undefined): void {
    if (this.#finished) return;
    this.#finished = true;
    const usage = responsesUsageToIr(response?.usage);
    if (usage !== undefined) this.#usage = usage;
    const stopReason = this.#refused
      ? 'refusal'
      : responsesStopReason(
          response?.status,
          response?.incomplete_details,
          this.#items.sawFunctionCall,
        );
    this.#out += this.#items.closeAll();
    this.#out += sseFrame('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
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
