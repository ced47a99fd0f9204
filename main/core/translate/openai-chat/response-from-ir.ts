import type { IrResponse, IrStopReason, IrToolCallPart, IrUsage } from '../ir.js';

export interface ChatCompletionOptions {
  /** The model name the client sent, not the upstream's. */
  readonly requestedModel: string;
  /** `chatcmpl-...`; the caller makes it so this file stays pure. */
  readonly completionId: string;
  /** Unix seconds. */
  readonly created: number;
}

export const FINISH_REASONS: Readonly<Record<IrStopReason, string>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

/** OpenAI's prompt_tokens counts every input token, cached or not; cached ones are a detail. */
export const chatUsageOf = (usage: IrUsage): Record<string, unknown> => {
  const prompt = usage.input + usage.cacheRead + usage.cacheCreation;
  return {
    prompt_tokens: prompt,
    completion_tokens: usage.output,
    total_tokens: prompt + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cacheRead },
  };
};

/** IR -> an OpenAI `chat.completion` body. */
export const irToChatCompletion = (
  ir: IrResponse,
  opts: ChatCompletionOptions,
): Record<string, unknown> => {
  const text = ir.content.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('');
  const reasoning = ir.content
    .flatMap((part) => (part.kind === 'thinking' ? [part.text] : []))
    .join('');
  const calls = ir.content.filter((part): part is IrToolCallPart => part.kind === 'tool_call');
  return {
    id: opts.completionId,
    object: 'chat.completion',
    created: opts.created,
    model: opts.requestedModel,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          // OpenAI sends null, not "", when the answer is only tool calls.
          content: text === '' && calls.length > 0 ? null : text,
          // DeepSeek's field for visible reasoning; clients that do not know it ignore it.
          ...(reasoning !== '' ? { reasoning_content: reasoning } : {}),
          ...(calls.length > 0
            ? {
                tool_calls: calls.map((call) => ({
                  id: call.id,
                  type: 'function',
                  function: { name: call.name, arguments: JSON.stringify(call.input ?? {}) },
                })),
              }
            : {}),
          refusal: null,
        },
        logprobs: null,
        finish_reason: FINISH_REASONS[ir.stopReason],
      },
    ],
    usage: chatUsageOf(ir.usage),
  };
};
