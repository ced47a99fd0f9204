import type { IrResponse, IrResponsePart } from '../ir.js';

export interface AnthropicMessageOptions {
  /** The model name the client asked for, not the upstream's: Claude Code checks it. */
  readonly requestedModel: string;
  /** `msg_...`; the caller makes it so this file stays pure. */
  readonly messageId: string;
}

const blockOf = (part: IrResponsePart): Record<string, unknown> => {
  switch (part.kind) {
    case 'text':
      return { type: 'text', text: part.text, citations: null };
    case 'thinking':
      // An empty signature marks thinking that did not come from Anthropic; it is never verified.
      return { type: 'thinking', thinking: part.text, signature: part.signature ?? '' };
    case 'tool_call':
      return {
        type: 'tool_use',
        id: part.id,
        name: part.name,
        input: part.input,
        caller: { type: 'direct' },
      };
  }
};

/**
 * IR to an Anthropic Messages response body. Fields the official SDK types declare nullable are sent
 * as `null` so typed clients see every key they expect.
 */
export const irToAnthropicMessage = (
  ir: IrResponse,
  opts: AnthropicMessageOptions,
): Record<string, unknown> => ({
  id: opts.messageId,
  type: 'message',
  role: 'assistant',
  model: opts.requestedModel,
  content: ir.content.map(blockOf),
  stop_reason: ir.stopReason,
  stop_sequence: ir.stopSequence ?? null,
  stop_details: null,
  container: null,
  diagnostics: null,
  usage: {
    input_tokens: ir.usage.input,
    output_tokens: ir.usage.output,
    cache_creation_input_tokens: ir.usage.cacheCreation,
    cache_read_input_tokens: ir.usage.cacheRead,
    cache_creation: null,
    output_tokens_details: null,
    server_tool_use: null,
    service_tier: null,
    inference_geo: null,
    speed: null,
  },
});
