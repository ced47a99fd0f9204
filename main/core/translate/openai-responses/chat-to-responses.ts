import type { ProxyError } from '../../errors/proxy-error.js';
import { err, ok, type Result } from '../../../../shared/result.js';
import { chatRequestToIr } from '../openai-chat/request-to-ir.js';
import { irToChatCompletion, type ChatCompletionOptions } from '../openai-chat/response-from-ir.js';
import type { ToolNameMap } from '../openai-chat/tool-names.js';
import { irToResponsesRequest, type ResponsesTarget } from './from-ir.js';
import { responsesResponseToIr } from './to-ir.js';

export interface TranslatedChatToResponses {
  readonly body: Record<string, unknown>;
  readonly toolNames: ToolNameMap;
  /** `stream_options.include_usage`: the client wants the final usage chunk. */
  readonly includeUsage: boolean;
  readonly notes: readonly string[];
}

/**
 * POST /v1/chat/completions body -> Responses body, through the IR. Chat clients ask for reasoning
 * with `reasoning_effort` only; the summaries come back as `reasoning_content`.
 */
export const translateChatToResponses = (
  body: Readonly<Record<string, unknown>>,
  target: ResponsesTarget,
): Result<TranslatedChatToResponses, ProxyError> => {
  const parsed = chatRequestToIr(body);
  if (!parsed.ok) return err(parsed.error);
  const { ir, extras } = parsed.value;
  const request = irToResponsesRequest(ir, target, ir.reasoningEffort);
  return ok({
    body: request.body,
    toolNames: request.toolNames,
    includeUsage: extras.includeUsage,
    notes: request.notes,
  });
};

export interface ResponsesToCompletionOptions extends ChatCompletionOptions {
  readonly toolNames: ToolNameMap;
  readonly provider: string;
}

/** A Responses `response` object -> `chat.completion` body, through the IR. */
export const translateResponsesToCompletion = (
  json: unknown,
  opts: ResponsesToCompletionOptions,
): Result<Record<string, unknown>, ProxyError> => {
  const ir = responsesResponseToIr(json, opts.toolNames, opts.provider);
  if (!ir.ok) return ir;
  return ok(irToChatCompletion(ir.value, opts));
};
