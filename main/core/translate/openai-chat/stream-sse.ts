/**
 * One Anthropic SSE frame. Anthropic always sends `event:` with `data:` and the SDK dispatches on the
 * event name (a frame without one is dropped: fixtures README, detail 1). JSON.stringify keeps the
 * data on one line, as SSE requires.
 */
export function sseFrame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Byte for byte what Anthropic sends while it works (anthropic-messages-stream-tools.txt). */
export const PING_FRAME = 'event: ping\ndata: {"type": "ping"}\n\n';

/**
 * The frame that opens every translated stream. The input count is the estimate made while the
 * upstream request travelled; Anthropic sends a small nonzero output count here and the real one
 * in message_delta.
 */
export function messageStartFrame(message: {
  readonly messageId: string;
  readonly requestedModel: string;
  readonly inputTokens: number;
}): string {
  return sseFrame('message_start', {
    type: 'message_start',
    message: {
      id: message.messageId,
      type: 'message',
      role: 'assistant',
      model: message.requestedModel,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: message.inputTokens,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 1,
      },
    },
  });
}
