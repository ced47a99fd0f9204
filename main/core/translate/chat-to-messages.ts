import type { ProxyError } from '../errors/proxy-error.js';
import { err, ok, type Result } from '../../../shared/result.js';
import { irToAnthropicRequest } from './anthropic/request-from-ir.js';
import { anthropicResponseToIr } from './anthropic/response-to-ir.js';
import { chatRequestToIr } from './openai-chat/request-to-ir.js';
import { irToChatCompletion, type ChatCompletionOptions } from './openai-chat/response-from-ir.js';

export type { ChatCompletionOptions } from './openai-chat/response-from-ir.js';

export interface TranslatedChatRequest {
  readonly body: Record<string, unknown>;
  /** The client asked for the final usage chunk (`stream_options.include_usage`). */
  readonly includeUsage: boolean;
}

/** POST /v1/chat/completions body -> Anthropic Messages body for `target`, through the IR. */
export const translateChatRequest = (
  body: Readonly<Record<string, unknown>>,
  target: { readonly model: string; readonly stream: boolean },
): Result<TranslatedChatRequest, ProxyError> => {
  const parsed = chatRequestToIr(body);
  if (!parsed.ok) return err(parsed.error);
  const { ir, extras } = parsed.value;
  return ok({
    body: irToAnthropicRequest(ir, { ...target, userId: extras.user }),
    includeUsage: extras.includeUsage,
  });
};

/** A non-stream Anthropic Messages answer -> `chat.completion` body, through the IR. */
export const translateMessagesResponse = (
  json: unknown,
  opts: ChatCompletionOptions,
): Result<Record<string, unknown>, ProxyError> => {
  const ir = anthropicResponseToIr(json);
  if (!ir.ok) return ir;
  return ok(irToChatCompletion(ir.value, opts));
};
