import { createParser, type EventSourceMessage, type EventSourceParser } from 'eventsource-parser';
import type { ProxyError } from '../../errors/proxy-error.js';
import { renderOpenAIError } from '../../errors/render-openai-error.js';
import type { IrStopReason } from '../ir.js';
import { isFiniteNumber, isObject, isString, type JsonObject } from '../json-narrowing.js';
import { chatUsageOf, FINISH_REASONS } from '../openai-chat/response-from-ir.js';
import { stopReasonToIr } from './response-to-ir.js';
import {
  choiceChunk,
  dataLine,
  DONE_LINE,
  usageChunk,
  type ChunkHeader,
} from './stream-to-chat-chunk.js';
import { anthropicStreamErrorToProxyError } from './stream-to-chat-error.js';

export interface AnthropicStreamToChatOptions {
  /** The model name the client sent; goes into every chunk. */
  readonly requestedModel: string;
  /** `chatcmpl-...` */
  readonly completionId: string;
  /** Unix seconds. */
  readonly created: number;
  /** `stream_options.include_usage`: send the final `choices: []` usage chunk. */
  readonly includeUsage: boolean;
  /** Named in errors the upstream reports mid-stream; default "anthropic". */
  readonly provider?: string;
}

type Usage = { input: number; output: number; cacheRead: number; cacheCreation: number };

/**
 * Anthropic Messages stream -> OpenAI Chat Completions stream (TRANSLATION.md "OpenAI Chat client ->
 * Anthropic upstream"). Push-based like ChatStreamTranslator: the caller owns sockets and timers,
 * and every method returns the Chat SSE text to write now.
 */
export class AnthropicStreamToChat {
  readonly #header: ChunkHeader;
  readonly #provider: string;
  // `stream: true` keeps a UTF-8 character split across chunks whole.
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: EventSourceParser;
  /** Anthropic block index -> Chat tool call index (0, 1, ... in the order calls start). */
  readonly #toolIndex = new Map<number, number>();
  #out = '';
  #started = false;
  #done = false;
  #stopReason: IrStopReason | undefined;
  #usage: Usage = { input: 0, output: 0, cacheRead: 0, cacheCreation: 0 };

  constructor(opts: AnthropicStreamToChatOptions) {
    this.#header = {
      id: opts.completionId,
      created: opts.created,
      model: opts.requestedModel,
      includeUsage: opts.includeUsage,
    };
    this.#provider = opts.provider ?? 'anthropic';
    this.#parser = createParser({ onEvent: (event) => this.#onEvent(event) });
  }

  /** Token counts so far (cumulative, as Anthropic reports them), for the request log. */
  get usage(): Readonly<Usage> {
    return this.#usage;
  }

  /** True once the stream ended with [DONE] or an error: nothing more will be written. */
  get finished(): boolean {
    return this.#done;
  }

  push(chunk: Uint8Array): string {
    if (this.#done || chunk.byteLength === 0) return '';
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
    return this.#take();
  }

  /**
   * The upstream closed. A last event without its blank line still counts. If message_stop never
   * came but message_delta did, the answer is complete in substance and is finished normally;
   * with neither, nothing is invented: no [DONE], so the client can tell the answer was cut (the
   * caller may call fail() first to say why).
   */
  end(): string {
    if (this.#done) return '';
    this.#parser.feed(`${this.#decoder.decode()}\n\n`);
    if (!this.#done && this.#stopReason !== undefined) this.#finish();
    this.#done = true;
    return this.#take();
  }

  /** OpenAI's mid-stream error shape (openai-node throws on a chunk with `error`), then silence. */
  fail(error: ProxyError, requestId: string): string {
    this.#failWith(error, requestId);
    return this.#take();
  }

  #failWith(error: ProxyError, requestId: string): void {
    if (this.#done) return;
    this.#done = true;
    this.#out += dataLine(renderOpenAIError(error, requestId).body);
  }

  #take(): string {
    const out = this.#out;
    this.#out = '';
    return out;
  }

  #emit(delta: Readonly<Record<string, unknown>>, finishReason: string | null = null): void {
    this.#out += choiceChunk(this.#header, delta, finishReason);
  }

  /** The first chunk carries the role, as OpenAI's does. */
  #start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#emit({ role: 'assistant', content: '' });
  }

  #onEvent(event: EventSourceMessage): void {
    if (this.#done) return;
    let data: unknown;
    try {
      data = JSON.parse(event.data) as unknown;
    } catch {
      return;
    }
    if (!isObject(data)) return;
    // The SDK dispatches on the SSE event name; `type` in the data is the fallback.
    const type = event.event ?? (isString(data.type) ? data.type : undefined);
    switch (type) {
      case 'message_start':
        this.#mergeUsage(isObject(data.message) ? data.message.usage : undefined);
        this.#start();
        return;
      case 'content_block_start':
        this.#blockStart(data);
        return;
      case 'content_block_delta':
        this.#blockDelta(data);
        return;
      case 'message_delta':
        this.#mergeUsage(data.usage);
        if (
          isObject(data.delta) &&
          data.delta.stop_reason !== undefined &&
          data.delta.stop_reason !== null
        ) {
          this.#stopReason = stopReasonToIr(data.delta.stop_reason);
        }
        return;
      case 'message_stop':
        this.#finish();
        return;
      case 'error':
        // renderOpenAIError puts the request id in headers only; the body does not need it.
        this.#failWith(anthropicStreamErrorToProxyError(data, this.#provider), '');
        return;
      default:
        // ping, content_block_stop and future event types carry nothing for a Chat client.
        return;
    }
  }

  #blockStart(data: JsonObject): void {
    const block = data.content_block;
    if (!isObject(block) || block.type !== 'tool_use' || !isFiniteNumber(data.index)) return;
    this.#start();
    const index = this.#toolIndex.size;
    this.#toolIndex.set(data.index, index);
    this.#emit({
      tool_calls: [
        {
          index,
          id: isString(block.id) ? block.id : '',
          type: 'function',
          function: { name: isString(block.name) ? block.name : '', arguments: '' },
        },
      ],
    });
  }

  #blockDelta(data: JsonObject): void {
    const delta = data.delta;
    if (!isObject(delta)) return;
    this.#start();
    if (delta.type === 'text_delta' && isString(delta.text) && delta.text !== '') {
      this.#emit({ content: delta.text });
    } else if (
      delta.type === 'thinking_delta' &&
      isString(delta.thinking) &&
      delta.thinking !== ''
    ) {
      // DeepSeek's field for visible reasoning, read by most Chat clients that show reasoning.
      this.#emit({ reasoning_content: delta.thinking });
    } else if (delta.type === 'input_json_delta' && isString(delta.partial_json)) {
      const index = isFiniteNumber(data.index) ? this.#toolIndex.get(data.index) : undefined;
      // Anthropic opens every tool input with an empty fragment: nothing to send.
      if (index === undefined || delta.partial_json === '') return;
      this.#emit({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] });
    }
    // signature_delta is bound to Anthropic and useless to a Chat client.
  }

  /** Anthropic's counts are cumulative: a later event's value replaces an earlier one. */
  #mergeUsage(usage: unknown): void {
    if (!isObject(usage)) return;
    const pick = (key: string, previous: number): number => {
      const value = usage[key];
      return isFiniteNumber(value) && value >= 0 ? value : previous;
    };
    this.#usage = {
      input: pick('input_tokens', this.#usage.input),
      output: pick('output_tokens', this.#usage.output),
      cacheRead: pick('cache_read_input_tokens', this.#usage.cacheRead),
      cacheCreation: pick('cache_creation_input_tokens', this.#usage.cacheCreation),
    };
  }

  #finish(): void {
    if (this.#done) return;
    this.#start();
    this.#emit({}, FINISH_REASONS[this.#stopReason ?? 'end_turn']);
    if (this.#header.includeUsage) {
      this.#out += usageChunk(this.#header, chatUsageOf(this.#usage));
    }
    this.#out += DONE_LINE;
    this.#done = true;
  }
}
