import type { ProxyError } from '../errors/proxy-error.js';
import { ok, err, type Result } from '../../../shared/result.js';
import { irToAnthropicMessage } from './anthropic/from-ir.js';
import { anthropicRequestToIr } from './anthropic/to-ir.js';
import { UNKNOWN_PROVIDER } from './anthropic/content-to-ir.js';
import { chatResponseToIr } from './openai-chat/to-ir.js';
import { irToChatRequest, type ChatTarget, type ToolNameMap } from './openai-chat/from-ir.js';

export type { ChatTarget, ToolNameMap } from './openai-chat/from-ir.js';

export interface TranslatedMessagesRequest {
  readonly body: Record<string, unknown>;
  readonly toolNames: ToolNameMap;
  /** Names of tools not sent (server tools, deferred tools), for a log line. */
  readonly dropped: readonly string[];
}

/** The request reader does not know the provider; its errors are named after the target here. */
const forTarget = (error: ProxyError, target: ChatTarget): ProxyError =>
  error.kind === 'conversion-unsupported' && error.provider === UNKNOWN_PROVIDER
    ? { ...error, provider: target.providerName }
    : error;

/** POST /v1/messages body -> OpenAI Chat Completions body for `target`, through the IR. */
export const translateMessagesRequest = (
  body: Readonly<Record<string, unknown>>,
  target: ChatTarget,
): Result<TranslatedMessagesRequest, ProxyError> => {
  const ir = anthropicRequestToIr(body);
  if (!ir.ok) return err(forTarget(ir.error, target));
  const hasDocument = ir.value.messages.some((m) =>
    m.content.some((part) => part.kind === 'document'),
  );
  if (hasDocument && !target.fileParts) {
    return err({
      kind: 'conversion-unsupported',
      provider: target.providerName,
      message: `Provider "${target.providerName}" does not take PDF documents through Chat Completions; extract the text first, or route the model to OpenAI or an Anthropic-format provider.`,
    });
  }
  const chat = irToChatRequest(ir.value, target);
  return ok({ body: chat.body, toolNames: chat.toolNames, dropped: ir.value.droppedTools });
};

export interface ChatResponseOptions {
  readonly requestedModel: string;
  readonly messageId: string;
  readonly toolNames: ToolNameMap;
  /** Told what the translation had to bend (unparseable tool arguments, unknown finish reasons). */
  readonly onNote?: (note: string) => void;
}

/** A non-stream Chat Completions answer -> Anthropic Messages response body, through the IR. */
export const translateChatResponse = (
  json: unknown,
  opts: ChatResponseOptions,
): Result<Record<string, unknown>, ProxyError> => {
  const ir = chatResponseToIr(json, opts.toolNames);
  if (!ir.ok) return ir;
  for (const note of ir.value.notes) opts.onNote?.(note);
  return ok(irToAnthropicMessage(ir.value, opts));
};
