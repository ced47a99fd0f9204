import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { TokenUsage } from '../../activity/request-record.js';
import { valueEnd } from '../../http/json-scan.js';

interface AnthropicUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

function applyUsage(target: TokenUsage, usage: AnthropicUsage | undefined): void {
  if (!usage) return;
  // message_delta usage is cumulative (fixtures README detail 4): assign, never add.
  if (typeof usage.input_tokens === 'number') target.input = usage.input_tokens;
  if (typeof usage.output_tokens === 'number') target.output = usage.output_tokens;
  if (typeof usage.cache_read_input_tokens === 'number')
    target.cacheRead = usage.cache_read_input_tokens;
  if (typeof usage.cache_creation_input_tokens === 'number') {
    target.cacheCreation = usage.cache_creation_input_tokens;
  }
}

const emptyUsage = (): TokenUsage => ({ input: 0, output: 0, cacheRead: 0, cacheCreation: 0 });

const USAGE_KEY = Buffer.from('"usage"');

/**
 * Usage of a non-streaming Messages response body; undefined when it has none. Anthropic puts
 * `usage` last, after the content, so only the object after the last `"usage"` key is parsed
 * instead of the whole (possibly large) body. A raw `"usage"` cannot occur inside a JSON string.
 */
export function usageOfMessage(body: Buffer): TokenUsage | undefined {
  const at = body.lastIndexOf(USAGE_KEY);
  if (at === -1) return undefined;
  const open = body.indexOf(0x7b, at + USAGE_KEY.length); // '{'
  if (open === -1) return undefined;
  try {
    const usage = emptyUsage();
    applyUsage(
      usage,
      JSON.parse(body.toString('utf8', open, valueEnd(body, open))) as AnthropicUsage,
    );
    return usage;
  } catch {
    return undefined;
  }
}

/**
 * Watches a relayed Anthropic SSE stream for usage without touching the bytes: only
 * `message_start` and `message_delta` events are parsed, everything else is skipped unread.
 */
export class StreamUsageTap {
  readonly usage: TokenUsage = emptyUsage();
  #sawUsage = false;
  #errored = false;
  readonly #decoder = new TextDecoder();
  readonly #parser: EventSourceParser;

  constructor() {
    this.#parser = createParser({
      onEvent: (event) => {
        if (event.event === 'error') this.#errored = true;
        if (event.event !== 'message_start' && event.event !== 'message_delta') return;
        try {
          const data = JSON.parse(event.data) as {
            message?: { usage?: AnthropicUsage };
            usage?: AnthropicUsage;
          };
          applyUsage(this.usage, data.message?.usage ?? data.usage);
          this.#sawUsage = true;
        } catch {
          // A malformed event is the client's to see; usage just stays unknown.
        }
      },
    });
  }

  push(chunk: Uint8Array): void {
    this.#parser.feed(this.#decoder.decode(chunk, { stream: true }));
  }

  get result(): TokenUsage | undefined {
    return this.#sawUsage ? this.usage : undefined;
  }

  /** The upstream sent `event: error` inside its 200 stream. */
  get upstreamErrored(): boolean {
    return this.#errored;
  }
}
