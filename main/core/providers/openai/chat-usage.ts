import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { TokenUsage } from '../../activity/request-record.js';

interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
}

/** OpenAI counts cached tokens inside prompt_tokens; the record keeps them apart, like Anthropic. */
function toTokenUsage(usage: ChatUsage): TokenUsage {
  const cached = usage.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    input: Math.max(0, (usage.prompt_tokens ?? 0) - cached),
    output: usage.completion_tokens ?? 0,
    cacheRead: cached,
    cacheCreation: 0,
  };
}

/** Usage of a non-streaming Chat completion body, when it has one. */
export function usageOfCompletion(body: Buffer): TokenUsage | undefined {
  try {
    const json = JSON.parse(body.toString('utf8')) as { usage?: ChatUsage | null };
    return json.usage ? toTokenUsage(json.usage) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Watches a relayed Chat stream for its usage chunk (sent after the finish chunk when the client
 * asked for `stream_options.include_usage`) without touching the bytes; only chunks that carry a
 * non-null usage are parsed.
 */
export class ChatUsageTap {
  #usage: TokenUsage | undefined;
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser = createParser({
    onEvent: (event) => {
      if (!event.data.includes('"usage":{')) return;
      try {
        const chunk = JSON.parse(event.data) as { usage?: ChatUsage | null };
        if (chunk.usage) this.#usage = toTokenUsage(chunk.usage);
      } catch {
        // Not ours to judge: the client sees the chunk as the upstream sent it.
      }
    },
  });

  push(chunk: Uint8Array): void {
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
  }

  get result(): TokenUsage | undefined {
    return this.#usage;
  }
}
