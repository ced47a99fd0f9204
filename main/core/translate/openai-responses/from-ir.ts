import type { IrReasoningEffort, IrRequest, IrToolChoice } from '../ir.js';
import { rewriteToolNames, type ToolNameMap } from '../openai-chat/tool-names.js';
import { irMessagesToInput } from './input-from-ir.js';

/** What the target provider needs the Responses body to look like (from its config and quirks). */
export interface ResponsesTarget {
  readonly model: string;
  readonly providerName: string;
  readonly toolNameSanitization: boolean;
  /** `stream: true` upstream (the client streams, or the provider only streams). */
  readonly stream: boolean;
  /** Sends `max_output_tokens`; the ChatGPT backend refuses it. */
  readonly maxOutputTokens: boolean;
  /** Sends `temperature`/`top_p` when the client set them; the ChatGPT backend refuses them. */
  readonly samplingParams: boolean;
  /** Used when the client sent no system prompt and the upstream requires `instructions`. */
  readonly defaultInstructions: string | undefined;
  /** Ask for encrypted reasoning even without thinking (the ChatGPT backend, like Codex CLI). */
  readonly alwaysIncludeEncryptedReasoning: boolean;
}

export interface ResponsesRequest {
  readonly body: Record<string, unknown>;
  readonly toolNames: ToolNameMap;
  /** What could not be sent (e.g. stop sequences), for a log line. */
  readonly notes: readonly string[];
}

const toolChoiceOf = (choice: IrToolChoice, sentName: (name: string) => string): unknown => {
  switch (choice.kind) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', name: sentName(choice.name) };
  }
};

const toolNamesOf = (ir: IrRequest): readonly string[] => [
  ...ir.tools.map((tool) => tool.name),
  ...ir.messages.flatMap((m) => m.content.flatMap((p) => (p.kind === 'tool_call' ? [p.name] : []))),
  ...(ir.toolChoice?.kind === 'tool' ? [ir.toolChoice.name] : []),
];

/** Responses tools are flat (no `function` wrapper); strict:false keeps the client's schemas valid. */
const toolsPart = (ir: IrRequest, sentName: (name: string) => string): Record<string, unknown> => {
  if (ir.tools.length === 0) return {};
  return {
    tools: ir.tools.map((tool) => ({
      type: 'function',
      name: sentName(tool.name),
      ...(tool.description !== undefined ? { description: tool.description } : {}),
      parameters: tool.schema,
      strict: false,
    })),
    ...(ir.toolChoice !== undefined ? { tool_choice: toolChoiceOf(ir.toolChoice, sentName) } : {}),
    ...(ir.parallelToolCalls === false ? { parallel_tool_calls: false } : {}),
  };
};

const instructionsOf = (ir: IrRequest, target: ResponsesTarget): Record<string, unknown> => {
  const text = ir.system.map((part) => part.text).join('\n\n');
  if (text !== '') return { instructions: text };
  return target.defaultInstructions !== undefined
    ? { instructions: target.defaultInstructions }
    : {};
};

/**
 * IR to an OpenAI Responses body (TRANSLATION.md "Anthropic request <-> OpenAI Responses upstream").
 * Always `store: false`: nothing refers to a stored response (history is sent whole each turn), so
 * storing would only keep the user's data upstream. `reasoning` is the client's thinking request.
 */
export const irToResponsesRequest = (
  ir: IrRequest,
  target: ResponsesTarget,
  reasoning: IrReasoningEffort | undefined,
): ResponsesRequest => {
  const names = target.toolNameSanitization
    ? rewriteToolNames(toolNamesOf(ir))
    : { toSent: new Map<string, string>(), toOriginal: new Map<string, string>() };
  const sentName = (name: string): string => names.toSent.get(name) ?? name;
  const { sampling } = ir;
  const notes: string[] = [];
  // Responses has no stop parameter at all.
  if (sampling.stop.length > 0) notes.push('stop_sequences not sent: Responses has no equivalent');
  const sampled = target.samplingParams;
  const body: Record<string, unknown> = {
    model: target.model,
    ...instructionsOf(ir, target),
    input: irMessagesToInput(ir.messages, {
      providerName: target.providerName,
      sentToolName: sentName,
    }),
    ...toolsPart(ir, sentName),
    ...(reasoning !== undefined ? { reasoning: { effort: reasoning, summary: 'auto' } } : {}),
    // With store:false the encrypted reasoning is the only way to carry it into the next turn.
    ...(reasoning !== undefined || target.alwaysIncludeEncryptedReasoning
      ? { include: ['reasoning.encrypted_content'] }
      : {}),
    ...(target.maxOutputTokens && sampling.maxTokens !== undefined
      ? { max_output_tokens: sampling.maxTokens }
      : {}),
    ...(sampled && sampling.temperature !== undefined ? { temperature: sampling.temperature } : {}),
    ...(sampled && sampling.topP !== undefined ? { top_p: sampling.topP } : {}),
    store: false,
    stream: target.stream,
  };
  return { body, toolNames: names.toOriginal, notes };
};
