import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { responsesHeaders, responsesTarget } from '../providers/openai/responses-endpoint.js';
import { responsesQuirksOf, type ResponsesQuirks } from '../providers/openai/responses-quirks.js';
import type { ProxyDeps } from '../proxy-deps.js';
import { forwardRequest } from './forward-request.js';
import {
  messageIdOf,
  relayTranslatedStream,
  sendTranslatedMessage,
  translationNoteLogger,
} from './translated-answer.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { ok, type Result } from '../../../shared/result.js';
import { countAnthropicTokens } from '../translate/count-tokens.js';
import { collectResponsesStream } from '../translate/openai-responses/collect-stream.js';
import {
  translateMessagesToResponses,
  translateResponsesAnswer,
  type ResponsesTarget,
} from '../translate/openai-responses/messages-to-responses.js';
import { ResponsesStreamTranslator } from '../translate/openai-responses/stream.js';
import type { TranslatedCall } from './chat-translated-route.js';
import { parseUpstreamJson } from './upstream-json.js';
import { forwardPlan } from './upstream-call.js';

/** The final `response` object of a buffered answer: plain JSON, or a collected event stream. */
export function answerOf(
  body: Buffer,
  provider: ProviderConfig,
  streamed: boolean,
): Result<unknown, ProxyError> {
  if (!streamed) return parseUpstreamJson(body, provider.name);
  const collected = collectResponsesStream(body.toString('utf8'), provider.name);
  return collected.ok ? ok(collected.value) : collected;
}

/** What the provider's Responses body must look like, from its config and quirks. */
export function responsesTargetOf(
  provider: ProviderConfig,
  model: string,
  quirks: ResponsesQuirks,
  upstreamStream: boolean,
): ResponsesTarget {
  return {
    model,
    providerName: provider.name,
    toolNameSanitization: provider.toolNameSanitization,
    stream: upstreamStream,
    maxOutputTokens: quirks.maxOutputTokens,
    samplingParams: quirks.samplingParams,
    defaultInstructions: quirks.defaultInstructions,
    alwaysIncludeEncryptedReasoning: quirks.alwaysIncludeEncryptedReasoning,
  };
}

/**
 * POST /v1/messages to an OpenAI Responses provider (TRANSLATION.md "Anthropic request <-> OpenAI
 * Responses upstream"): the request translated through the IR, the answer or stream translated
 * back, errors in the Anthropic shape. A provider that only streams (ChatGPT) is streamed even for
 * a non-streaming client, whose answer is then built from the collected events.
 */
export async function translatedResponses(
  deps: ProxyDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  call: TranslatedCall,
): Promise<void> {
  const { provider, parsed } = call;
  const quirks = responsesQuirksOf(provider);
  const upstreamStream = parsed.stream || quirks.alwaysStreamUpstream;
  const translated = translateMessagesToResponses(
    parsed.json,
    responsesTargetOf(provider, call.model, quirks, upstreamStream),
  );
  if (!translated.ok) return sendError(res, ctx, translated.error, 'anthropic');
  const { toolNames, dropped, notes } = translated.value;
  if (dropped.length > 0 || notes.length > 0) {
    deps.logger.info(
      { requestId: ctx.requestId, dropped, notes },
      'not sent to the Responses upstream',
    );
  }
  const body = Buffer.from(JSON.stringify(translated.value.body));
  const target = responsesTarget(provider);
  // `buffer` mode even when the upstream streams for a non-streaming client: the whole body is read
  // inside the attempt, so a reset mid-stream is retried like any other.
  const pending = forwardRequest(
    deps,
    forwardPlan(deps, ctx, provider, req.headers, parsed.stream, (credential) => ({
      ...target,
      headers: responsesHeaders(provider, quirks, credential, upstreamStream),
      body,
    })),
  );
  const inputTokensEstimate = parsed.stream ? countAnthropicTokens(parsed.json) : 0;
  const result = await pending;
  if (!result.ok) return sendError(res, ctx, result.error, 'anthropic');
  const upstream = result.response;
  const messageId = messageIdOf(ctx);
  if (upstream.kind === 'buffered') {
    ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    const answer = answerOf(upstream.body, provider, upstreamStream);
    if (!answer.ok) return sendError(res, ctx, answer.error, 'anthropic');
    const message = translateResponsesAnswer(answer.value, {
      requestedModel: parsed.model,
      messageId,
      toolNames,
      provider: provider.name,
      onNote: translationNoteLogger(deps, ctx, provider),
    });
    if (!message.ok) return sendError(res, ctx, message.error, 'anthropic');
    return sendTranslatedMessage(res, ctx, message.value);
  }
  const translator = new ResponsesStreamTranslator({
    requestedModel: parsed.model,
    messageId,
    requestId: ctx.requestId,
    provider: provider.name,
    inputTokensEstimate,
    restoreToolName: (name) => toolNames.get(name) ?? name,
  });
  await relayTranslatedStream(deps, res, ctx, provider, upstream.body, translator);
}
