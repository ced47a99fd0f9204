import type { IrRequest, IrToolChoice } from '../ir.js';
import { cleanToolSchema } from './clean-schema.js';
import { irMessagesToChat } from './messages-from-ir.js';
import { rewriteToolNames, type ToolNameMap } from './tool-names.js';

export type { ToolNameMap } from './tool-names.js';

/** What the target provider needs the Chat body to look like (from its config and quirks). */
export interface ChatTarget {
  readonly model: string;
  readonly providerName: string;
  /** OpenAI itself needs max_completion_tokens (reasoning models reject max_tokens). */
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  readonly reasoningContentPassthrough: boolean;
  readonly toolNameSanitization: boolean;
  /** Strict providers (e.g. Gemini) reject $schema, tuple items, some formats. */
  readonly cleanToolSchemas: boolean;
  /** Takes PDFs as Chat `file` parts (OpenAI); others get a clear refusal instead. */
  readonly fileParts?: boolean;
  readonly stream: boolean;
  /** Gemini: thought signatures to echo on assistant tool calls (thought-signatures.ts). */
  readonly thoughtSignature?: (callId: string, firstInTurn: boolean) => string | undefined;
}

export interface ChatRequest {
  readonly body: Record<string, unknown>;
  readonly toolNames: ToolNameMap;
}

const toolChoiceToChat = (choice: IrToolChoice, sentName: (name: string) => string): unknown => {
  switch (choice.kind) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: sentName(choice.name) } };
  }
};

/** Every tool name the request mentions: definitions, history calls and a forced choice. */
const toolNamesOf = (ir: IrRequest): readonly string[] => [
  ...ir.tools.map((tool) => tool.name),
  ...ir.messages.flatMap((message) =>
    message.content.flatMap((part) => (part.kind === 'tool_call' ? [part.name] : [])),
  ),
  ...(ir.toolChoice?.kind === 'tool' ? [ir.toolChoice.name] : []),
];

const toolsPart = (
  ir: IrRequest,
  target: ChatTarget,
  sentName: (name: string) => string,
): Record<string, unknown> => {
  // Chat rejects tool_choice and parallel_tool_calls without tools (e.g. all were server tools).
  if (ir.tools.length === 0) return {};
  return {
    tools: ir.tools.map((tool) => ({
      type: 'function',
      function: {
        name: sentName(tool.name),
        ...(tool.description !== undefined ? { description: tool.description } : {}),
        parameters: target.cleanToolSchemas ? cleanToolSchema(tool.schema) : tool.schema,
      },
    })),
    ...(ir.toolChoice !== undefined
      ? { tool_choice: toolChoiceToChat(ir.toolChoice, sentName) }
      : {}),
    ...(ir.parallelToolCalls === false ? { parallel_tool_calls: false } : {}),
  };
};

/**
 * IR to an OpenAI Chat Completions body for `target`. `max_tokens` goes in the provider's field and
 * is never clamped (vandamme clamped to 4096 and cut Claude Code's answers short).
 */
export const irToChatRequest = (ir: IrRequest, target: ChatTarget): ChatRequest => {
  const names = target.toolNameSanitization
    ? rewriteToolNames(toolNamesOf(ir))
    : { toSent: new Map<string, string>(), toOriginal: new Map<string, string>() };
  const sentName = (name: string): string => names.toSent.get(name) ?? name;
  const { sampling } = ir;
  const body: Record<string, unknown> = {
    model: target.model,
    messages: irMessagesToChat(ir.system, ir.messages, {
      reasoningContentPassthrough: target.reasoningContentPassthrough,
      sentToolName: sentName,
      ...(target.thoughtSignature ? { thoughtSignature: target.thoughtSignature } : {}),
    }),
    ...toolsPart(ir, target, sentName),
    ...(sampling.maxTokens !== undefined ? { [target.maxTokensField]: sampling.maxTokens } : {}),
    ...(sampling.stop.length > 0 ? { stop: sampling.stop } : {}),
    ...(sampling.temperature !== undefined ? { temperature: sampling.temperature } : {}),
    ...(sampling.topP !== undefined ? { top_p: sampling.topP } : {}),
    ...(ir.reasoningEffort !== undefined ? { reasoning_effort: ir.reasoningEffort } : {}),
    // Without include_usage a Chat stream carries no token counts for the Anthropic usage fields.
    ...(target.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
  return { body, toolNames: names.toOriginal };
};
