import type {
  IrContentPart,
  IrImageSource,
  IrMessage,
  IrReasoningEffort,
  IrRequest,
  IrToolChoice,
} from '../ir.js';

export interface AnthropicRequestTarget {
  /** The upstream's model name. */
  readonly model: string;
  readonly stream: boolean;
  /** End-user id for `metadata.user_id`, when the client sent one. */
  readonly userId?: string | undefined;
}

/** Anthropic requires max_tokens; Chat clients usually leave it out, so a default is not an error. */
export const DEFAULT_MAX_TOKENS = 8192;

/** Thinking budgets per effort: Anthropic's minimum is 1024, these leave room for the answer. */
export const THINKING_BUDGETS: Readonly<Record<IrReasoningEffort, number>> = {
  low: 2048,
  medium: 8192,
  high: 24576,
};

/** Room kept for the visible answer when max_tokens has to grow past the thinking budget. */
const ANSWER_HEADROOM = 1024;

type Block = Record<string, unknown>;

const sourceOf = (source: IrImageSource): Block =>
  source.kind === 'base64'
    ? { type: 'base64', media_type: source.mediaType, data: source.data }
    : { type: 'url', url: source.url };

const blockOf = (part: IrContentPart): Block | undefined => {
  switch (part.kind) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return { type: 'image', source: sourceOf(part.source) };
    case 'document':
      return {
        type: 'document',
        source: { type: 'base64', media_type: part.mediaType, data: part.data },
        ...(part.title === undefined ? {} : { title: part.title }),
      };
    case 'tool_call':
      return { type: 'tool_use', id: part.id, name: part.name, input: part.input ?? {} };
    case 'tool_result':
      return {
        type: 'tool_result',
        tool_use_id: part.callId,
        // An empty result is sent without content: Anthropic rejects empty text blocks.
        ...(part.content.length > 0
          ? { content: part.content.map((inner) => blockOf(inner)) }
          : {}),
        ...(part.isError ? { is_error: true } : {}),
      };
    case 'thinking':
      // Only thinking signed by Anthropic may go back to it; a Chat client never has that.
      return undefined;
  }
};

/**
 * Anthropic wants user/assistant alternation: consecutive same-role messages become one (this is
 * what puts several `tool` results, and a user message right after them, into one user turn).
 * Tool results go first in a user turn, as the API requires.
 */
const mergeSameRole = (messages: readonly IrMessage[]): readonly IrMessage[] => {
  const out: IrMessage[] = [];
  for (const message of messages) {
    const last = out.at(-1);
    if (last?.role === message.role) {
      const merged = [...last.content, ...message.content];
      const content =
        message.role === 'user'
          ? [
              ...merged.filter((part) => part.kind === 'tool_result'),
              ...merged.filter((part) => part.kind !== 'tool_result'),
            ]
          : merged;
      out[out.length - 1] = { role: message.role, content };
    } else {
      out.push(message);
    }
  }
  return out;
};

const joinText = (content: readonly IrContentPart[]): string =>
  content.flatMap((part) => (part.kind === 'text' ? [part.text] : [])).join('\n\n');

const messageOf = (message: IrMessage): Block => {
  // A system message mid-conversation stays where it was, as Claude Code itself sends it.
  if (message.role === 'system') return { role: 'system', content: joinText(message.content) };
  const blocks = message.content.flatMap((part) => {
    const block = blockOf(part);
    return block === undefined ? [] : [block];
  });
  return { role: message.role, content: blocks };
};

const toolChoiceOf = (choice: IrToolChoice | undefined, parallel: boolean | undefined) => {
  const base: Block | undefined =
    choice === undefined
      ? undefined
      : choice.kind === 'tool'
        ? { type: 'tool', name: choice.name }
        : { type: choice.kind };
  if (parallel !== false) return base;
  // disable_parallel_tool_use lives on tool_choice; it means nothing with "none".
  if (base?.type === 'none') return base;
  return { ...(base ?? { type: 'auto' }), disable_parallel_tool_use: true };
};

/** IR -> an Anthropic Messages request body for `target`. */
export const irToAnthropicRequest = (
  ir: IrRequest,
  target: AnthropicRequestTarget,
): Record<string, unknown> => {
  // Anthropic refuses thinking together with a forced tool choice, so forcing wins.
  const forced = ir.toolChoice?.kind === 'any' || ir.toolChoice?.kind === 'tool';
  const budget =
    ir.reasoningEffort === undefined || forced ? undefined : THINKING_BUDGETS[ir.reasoningEffort];
  let maxTokens = ir.sampling.maxTokens ?? DEFAULT_MAX_TOKENS;
  // Anthropic requires max_tokens > budget_tokens; raising the cap here (instead of refusing) keeps
  // a low client max_tokens from turning a reasoning request into a 400.
  if (budget !== undefined && maxTokens <= budget) maxTokens = budget + ANSWER_HEADROOM;
  const toolChoice =
    ir.tools.length > 0 ? toolChoiceOf(ir.toolChoice, ir.parallelToolCalls) : undefined;
  const system = ir.system.map((part) => part.text).join('\n\n');
  return {
    model: target.model,
    max_tokens: maxTokens,
    ...(system !== '' ? { system } : {}),
    messages: mergeSameRole(ir.messages).map(messageOf),
    ...(ir.tools.length > 0
      ? {
          tools: ir.tools.map((tool) => ({
            name: tool.name,
            ...(tool.description !== undefined ? { description: tool.description } : {}),
            input_schema: tool.schema,
          })),
        }
      : {}),
    ...(toolChoice !== undefined ? { tool_choice: toolChoice } : {}),
    ...(ir.sampling.stop.length > 0 ? { stop_sequences: ir.sampling.stop } : {}),
    // With thinking on, Anthropic rejects any temperature but 1 and top_p below 0.95: drop both.
    ...(budget === undefined && ir.sampling.temperature !== undefined
      ? { temperature: ir.sampling.temperature }
      : {}),
    ...(budget === undefined && ir.sampling.topP !== undefined ? { top_p: ir.sampling.topP } : {}),
    ...(budget !== undefined ? { thinking: { type: 'enabled', budget_tokens: budget } } : {}),
    ...(target.userId !== undefined ? { metadata: { user_id: target.userId } } : {}),
    stream: target.stream,
  };
};
