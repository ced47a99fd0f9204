import { AnthropicStreamWriter, type AnthropicStreamIdentity } from '../anthropic-stream-writer.js';
import { isObject, isString, type JsonObject } from '../json-narrowing.js';
import { errorEventToProxyError, responseFailure } from './stream-error.js';
import { OutputBlocks } from './stream-items.js';
import { responsesStopReason, responsesUsageToIr } from './usage.js';

export interface ResponsesStreamOptions extends AnthropicStreamIdentity {
  /** Seals encrypted reasoning to this provider and names it in errors. */
  readonly provider: string;
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
export class ResponsesStreamTranslator extends AnthropicStreamWriter {
  readonly #options: ResponsesStreamOptions;
  readonly #items: OutputBlocks;
  #refused = false;

  constructor(options: ResponsesStreamOptions) {
    super(options);
    this.#options = options;
    this.#items = new OutputBlocks(options.provider, options.restoreToolName ?? ((name) => name));
  }

  /** Dispatches on the JSON `type`, which every Responses event repeats from its `event:` line. */
  protected onData(text: string): void {
    const data = parse(text);
    if (data === undefined || !isString(data.type)) return;
    switch (data.type) {
      case 'response.output_item.added':
        this.out += this.#items.itemAdded(data);
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        this.out += this.#items.thinkingDelta(data);
        return;
      case 'response.refusal.delta':
        this.#refused = true;
        this.out += this.#items.textDelta(data);
        return;
      case 'response.output_text.delta':
        this.out += this.#items.textDelta(data);
        return;
      case 'response.function_call_arguments.delta':
        this.out += this.#items.argumentsDelta(data);
        return;
      case 'response.output_item.done':
        this.out += this.#items.itemDone(data);
        return;
      case 'response.completed':
      case 'response.incomplete':
        this.finish(isObject(data.response) ? data.response : undefined);
        return;
      case 'response.failed': {
        const response = isObject(data.response) ? data.response : {};
        this.out += this.fail(responseFailure(response.error, this.#options.provider));
        return;
      }
      case 'error':
        this.out += this.fail(errorEventToProxyError(data, this.#options.provider));
        return;
      default:
        return;
    }
  }

  /** Closes every block, then message_delta (stop reason, usage) and message_stop. */
  protected finish(response?: JsonObject): void {
    if (!this.markFinished()) return;
    const usage = responsesUsageToIr(response?.usage);
    if (usage !== undefined) this.tokens = usage;
    const stopReason = this.#refused
      ? 'refusal'
      : responsesStopReason(
          response?.status,
          response?.incomplete_details,
          this.#items.sawFunctionCall,
        );
    this.out += this.#items.closeAll();
    this.out += this.closeMessage(stopReason);
  }
}
