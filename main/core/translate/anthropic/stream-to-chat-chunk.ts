/** Fields every `chat.completion.chunk` repeats (openai-chat-stream-tools.txt). */
export interface ChunkHeader {
  readonly id: string;
  readonly created: number;
  readonly model: string;
  /** With include_usage OpenAI sends `"usage": null` on every chunk but the last. */
  readonly includeUsage: boolean;
}

/** One SSE `data:` line; Chat Completions streams have no `event:` lines. */
export const dataLine = (data: unknown): string => `data: ${JSON.stringify(data)}\n\n`;

export const DONE_LINE = 'data: [DONE]\n\n';

export const choiceChunk = (
  header: ChunkHeader,
  delta: Readonly<Record<string, unknown>>,
  finishReason: string | null = null,
): string =>
  dataLine({
    id: header.id,
    object: 'chat.completion.chunk',
    created: header.created,
    model: header.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(header.includeUsage ? { usage: null } : {}),
  });

export const usageChunk = (header: ChunkHeader, usage: Readonly<Record<string, unknown>>): string =>
  dataLine({
    id: header.id,
    object: 'chat.completion.chunk',
    created: header.created,
    model: header.model,
    choices: [],
    usage,
  });
