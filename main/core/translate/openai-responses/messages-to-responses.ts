import type { ProxyError } from '../../errors/proxy-error.js';
import { ok, err, type Result } from '../../../../shared/result.js';
import { irToAnthropicMessage } from '../anthropic/from-ir.js';
import { anthropicRequestToIr } from '../anthropic/to-ir.js';
import { UNKNOWN_PROVIDER } from '../anthropic/content-to-ir.js';
import type { IrReasoningEffort } from '../ir.js';
import { isObject } from '../json-narrowing.js';
import type { ToolNameMap } from '../openai-chat/tool-names.js';
import { irToResponsesRequest, type ResponsesTarget } from './from-ir.js';
import { responsesResponseToIr } from './to-ir.js';

export type { ResponsesTarget } from './from-ir.js';

export interface TranslatedResponsesRequest {
  readonly body: Record<string, unknown>;
  readonly toolNames: ToolNameMap;
  /** Names of tools not sent (server tools, deferred tools), for a log line. */
  readonly dropped: readonly string[];
  /** What the translation had to leave out, for a log line. */
  readonly notes: readonly string[];
}

/**
 * Whether (and how hard) the client asked for thinking. Unlike Chat, adaptive thinking counts:
 * Responses only returns reasoning summaries when `reasoning.summary` is asked for, so "think if
 * useful" is sent as the API's default effort, medium.
 */
const reasoningOf = (
  body: Readonly<Record<string, unknown>>,
  effort: IrReasoningEffort | undefined,
): IrReasoningEffort | undefined => {
  if (effort !== undefined) return effort;
  const thinking = body['thinking'];
  const asked = isObject(thinking) && (thinking.type === 'enabled' || thinking.type === 'adaptive');
  return asked ? 'medium' : undefined;
};

/** POST /v1/messages body -> OpenAI Responses body for `target`, through the IR. */
export const translateMessagesToResponses = (
  body: Readonly<Record<string, unknown>>,
  target: ResponsesTarget,
): Result<TranslatedResponsesRequest, ProxyError> => {
  const ir = anthropicRequestToIr(body);
  if (!ir.ok) {
    const error = ir.error;
    return err(
      error.kind === 'conversion-unsupported' && error.provider === UNKNOWN_PROVIDER
        ? { ...error, provider: target.providerName }
        : error,
    );
  }
  const request = irToResponsesRequest(
    ir.value,
    target,
    reasoningOf(body, ir.value.reasoningEffort),
  );
  return ok({
    body: request.body,
    toolNames: request.toolNames,
    dropped: ir.value.droppedTools,
    notes: request.notes,
  });
};

export interface ResponsesAnswerOptions {
  readonly requestedModel: string;
  readonly messageId: string;
  readonly toolNames: ToolNameMap;
  readonly provider: string;
  readonly onNote?: (note: string) => void;
}

/** A Responses `response` object -> Anthropic Messages response body, through the IR. */
export const translateResponsesAnswer = (
  json: unknown,
  opts: ResponsesAnswerOptions,
): Result<Record<string, unknown>, ProxyError> => {
  const ir = responsesResponseToIr(json, opts.toolNames, opts.provider);
  if (!ir.ok) return ir;
  for (const note of ir.value.notes) opts.onNote?.(note);
  return ok(irToAnthropicMessage(ir.value, opts));
};
