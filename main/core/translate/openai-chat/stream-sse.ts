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
