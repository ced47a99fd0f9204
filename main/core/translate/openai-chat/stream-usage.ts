import type { UpstreamUsage } from './stream-chunk.js';

export type AnthropicStopReason = 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';

export interface StreamUsage {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheCreation: number;
}

/**
 * OpenAI finish_reason -> Anthropic stop_reason (TRANSLATION.md). A tool call that the upstream
 * closed with "stop" (Gemini's OpenAI endpoint, some local servers) is still a tool_use turn:
 * clients decide whether to run tools from stop_reason.
 */
export function stopReasonOf(
  finishReason: string | undefined,
  sawToolCall: boolean,
): AnthropicStopReason {
  switch (finishReason) {
    case 'length':
      return 'max_tokens';
    case 'tool_calls':
    case 'function_call':
      return 'tool_use';
    case 'content_filter':
      return 'refusal';
    default:
      return sawToolCall ? 'tool_use' : 'end_turn';
  }
}

/**
 * OpenAI counts cached tokens inside prompt_tokens; Anthropic's input_tokens excludes cache reads
 * (fixtures README, detail 4). Fields the upstream did not report fall back to what was known.
 */
export function mergeUsage(known: StreamUsage, upstream: UpstreamUsage): StreamUsage {
  const cacheRead =
    upstream.cachedTokens ?? (upstream.promptTokens === undefined ? known.cacheRead : 0);
  return {
    input:
      upstream.promptTokens === undefined
        ? known.input
        : Math.max(0, upstream.promptTokens - cacheRead),
    output: upstream.completionTokens ?? known.output,
    cacheRead,
    cacheCreation: known.cacheCreation,
  };
}
