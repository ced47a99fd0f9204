import { AnthropicStreamWriter, type AnthropicStreamIdentity } from '../anthropic-stream-writer.js';
import { BlockWriter } from './stream-blocks.js';
import { readChatChunk, type ChatChunk } from './stream-chunk.js';
import { chunkErrorToProxyError } from './stream-error.js';
import { ToolCallBlocks } from './stream-tools.js';
import { mergeUsage, stopReasonOf } from './stream-usage.js';

export type { StreamUsage } from './stream-usage.js';

export interface ChatStreamOptions extends AnthropicStreamIdentity {
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
export class ChatStreamTranslator extends AnthropicStreamWriter {
  readonly #options: ChatStreamOptions;
  readonly #blocks = new BlockWriter();
  readonly #tools: ToolCallBlocks;
  #thinking: number | undefined;
  #text: number | undefined;
  #finishReason: string | undefined;

  constructor(options: ChatStreamOptions) {
    super(options);
    this.#options = options;
    this.#tools = new ToolCallBlocks(
      this.#blocks,
      options.restoreToolName ?? ((name) => name),
      (index) => `toolu_${options.messageId}_${index}`,
    );
  }

  protected onData(data: string): void {
    // [DONE] and not finish_reason ends the message: the usage chunk comes after the finish chunk.
    if (data.trim() === '[DONE]') {
      this.finish();
      return;
    }
    const chunk = readChatChunk(data);
    if (chunk === undefined) return;
    if (chunk.error !== undefined && chunk.error !== null) {
      const provider = this.#options.provider ?? 'the upstream';
      this.out += this.fail(chunkErrorToProxyError(chunk.error, provider));
      return;
    }
    this.#onChunk(chunk);
  }

  #onChunk(chunk: ChatChunk): void {
    if (chunk.usage !== undefined) this.tokens = mergeUsage(this.tokens, chunk.usage);
    if (chunk.finishReason !== undefined) this.#finishReason = chunk.finishReason;
    if (chunk.reasoning && this.#options.reasoningAsThinking !== false) {
      this.out += this.#reasoning(chunk.reasoning);
    }
    if (chunk.content) this.out += this.#content(chunk.content);
    for (const fragment of chunk.toolCalls) {
      this.#options.onToolCallDelta?.(fragment.raw);
      this.out += this.#tools.apply(fragment, () => this.#closeProse());
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

  protected finish(): void {
    if (!this.markFinished()) return;
    this.out += this.#tools.flush(() => this.#closeProse());
    this.out += this.#blocks.closeAll();
    this.out += this.closeMessage(stopReasonOf(this.#finishReason, this.#tools.seen));
  }
}
