import type { ProxyError } from '../../errors/proxy-error.js';
import { AnthropicStreamToChat } from '../anthropic/stream-to-chat.js';
import { ResponsesStreamTranslator } from './stream.js';

export interface ResponsesToChatOptions {
  readonly requestedModel: string;
  readonly completionId: string;
  readonly created: number;
  readonly includeUsage: boolean;
  readonly requestId: string;
  readonly provider: string;
  readonly restoreToolName: (sentName: string) => string;
}

/**
 * Responses stream -> Chat Completions stream for `/v1/chat/completions` clients: the two tested
 * translators chained through the Anthropic event stream (Responses -> Anthropic -> Chat), instead
 * of a third one with its own block bookkeeping. Both are split-safe, so the chain is too.
 */
export class ResponsesToChatStream {
  readonly #toAnthropic: ResponsesStreamTranslator;
  readonly #toChat: AnthropicStreamToChat;
  readonly #encoder = new TextEncoder();
  readonly #requestId: string;

  constructor(options: ResponsesToChatOptions) {
    this.#requestId = options.requestId;
    this.#toAnthropic = new ResponsesStreamTranslator({
      requestedModel: options.requestedModel,
      messageId: options.completionId,
      requestId: options.requestId,
      provider: options.provider,
      restoreToolName: options.restoreToolName,
    });
    this.#toChat = new AnthropicStreamToChat({
      requestedModel: options.requestedModel,
      completionId: options.completionId,
      created: options.created,
      includeUsage: options.includeUsage,
      provider: options.provider,
    });
  }

  get usage(): ResponsesStreamTranslator['usage'] {
    return this.#toAnthropic.usage;
  }

  push(chunk: Uint8Array): string {
    return this.#relay(this.#toAnthropic.push(chunk));
  }

  end(): string {
    return this.#relay(this.#toAnthropic.end()) + this.#toChat.end();
  }

  fail(error: ProxyError): string {
    return this.#toChat.fail(error, this.#requestId);
  }

  /** Chat streams have no ping event; an SSE comment keeps idle connections alive the same way. */
  ping(): string {
    return ': ping\n\n';
  }

  #relay(anthropic: string): string {
    return anthropic === '' ? '' : this.#toChat.push(this.#encoder.encode(anthropic));
  }
}
