/**
 * A read of one OpenAI `chat.completion.chunk`, keeping only what the stream translation uses.
 * Chunks come from many providers (OpenAI, Azure, DeepSeek, Kimi, Gemini, Ollama...), so nothing is
 * trusted to be present: `choices` may be empty (the include_usage chunk, Azure's
 * prompt_filter_results chunk), deltas may carry `null`s, and unknown fields are ignored.
 */

export interface ToolCallFragment {
  /** OpenAI's `index`; some compatible servers omit it, and then the array position stands in. */
  readonly index: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly arguments: string | undefined;
  /** The delta as sent, for provider extensions (Gemini's thought signature). */
  readonly raw: unknown;
}

export interface UpstreamUsage {
  readonly promptTokens: number | undefined;
  readonly completionTokens: number | undefined;
  readonly cachedTokens: number | undefined;
}

export interface ChatChunk {
  /** The raw `error` value when the upstream reports a failure mid-stream. */
  readonly error: unknown;
  readonly content: string | undefined;
  readonly reasoning: string | undefined;
  readonly toolCalls: readonly ToolCallFragment[];
  readonly finishReason: string | undefined;
  readonly usage: UpstreamUsage | undefined;
}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Empty ids and names are as good as absent (some servers send `"id": ""` on later fragments). */
function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function readToolCall(value: unknown, position: number): ToolCallFragment | undefined {
  if (!isObject(value)) return undefined;
  const fn = isObject(value['function']) ? value['function'] : {};
  return {
    index: num(value['index']) ?? position,
    id: nonEmpty(value['id']),
    name: nonEmpty(fn['name']),
    arguments: str(fn['arguments']),
    raw: value,
  };
}

function readUsage(value: unknown): UpstreamUsage | undefined {
  if (!isObject(value)) return undefined;
  const details = isObject(value['prompt_tokens_details']) ? value['prompt_tokens_details'] : {};
  return {
    promptTokens: num(value['prompt_tokens']),
    completionTokens: num(value['completion_tokens']),
    // DeepSeek reports cache hits as prompt_cache_hit_tokens instead of the OpenAI details.
    cachedTokens: num(details['cached_tokens']) ?? num(value['prompt_cache_hit_tokens']),
  };
}

/** The first choice only: a proxy for Anthropic clients never asks for n > 1. */
function firstChoice(body: Json): Json | undefined {
  const choices = body['choices'];
  if (!Array.isArray(choices)) return undefined;
  const found = (choices as readonly unknown[]).find(
    (c) => isObject(c) && (c['index'] === undefined || c['index'] === 0),
  );
  return isObject(found) ? found : undefined;
}

/** Parses one SSE `data:` payload; undefined when it is not a JSON object (ignored, not fatal). */
export function readChatChunk(data: string): ChatChunk | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const choice = firstChoice(parsed);
  const delta = choice !== undefined && isObject(choice['delta']) ? choice['delta'] : {};
  const rawCalls = delta['tool_calls'];
  const toolCalls = Array.isArray(rawCalls)
    ? (rawCalls as readonly unknown[])
        .map(readToolCall)
        .filter((c): c is ToolCallFragment => c !== undefined)
    : [];
  return {
    error: parsed['error'] ?? undefined,
    content: str(delta['content']),
    // DeepSeek/Kimi say reasoning_content; OpenRouter and vLLM say reasoning.
    reasoning: str(delta['reasoning_content']) ?? str(delta['reasoning']),
    toolCalls,
    finishReason: choice === undefined ? undefined : str(choice['finish_reason']),
    usage: readUsage(parsed['usage']),
  };
}
