import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import type { ParsedRequest } from '../pipeline/parse-request.js';
import { responsesHeaders, responsesTarget } from '../providers/openai/responses-endpoint.js';
import { responsesQuirksOf } from '../providers/openai/responses-quirks.js';
import type { ProxyDeps } from '../proxy-deps.js';
import { forwardRequest } from './forward-request.js';
import { completionIdOf, relayTranslatedStream, sendTranslatedJson } from './translated-answer.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { ResponsesToChatStream } from '../translate/openai-responses/chat-stream.js';
import {
  translateChatToResponses,
  translateResponsesToCompletion,
} from '../translate/openai-responses/chat-to-responses.js';
import { answerOf, responsesTargetOf } from './responses-translated-route.js';
import { forwardPlan } from './upstream-call.js';

/**
 * POST /v1/chat/completions to an OpenAI Responses provider: Chat request -> Responses through the
 * IR, the answer or stream back as Chat Completions, errors in OpenAI's shape. Same upstream call
 * as the /v1/messages route (responses-translated-route.ts), quirks included.
 */
export async function chatToResponses(
  deps: ProxyDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  call: {
    readonly provider: ProviderConfig;
    readonly model: string;
    readonly parsed: ParsedRequest;
  },
): Promise<void> {
  const { provider, model, parsed } = call;
  const quirks = responsesQuirksOf(provider);
  const upstreamStream = parsed.stream || quirks.alwaysStreamUpstream;
  const target = responsesTargetOf(provider, model, quirks, upstreamStream);
  const request = translateChatToResponses(parsed.json, target);
  if (!request.ok) return sendError(res, ctx, request.error, 'openai');
  const { toolNames, includeUsage, notes } = request.value;
  if (notes.length > 0)
    deps.logger.info({ requestId: ctx.requestId, notes }, 'not sent to the Responses upstream');
  const body = Buffer.from(JSON.stringify(request.value.body));
  const result = await forwardRequest(
    deps,
    forwardPlan(deps, ctx, provider, req.headers, parsed.stream, (credential) => ({
      ...responsesTarget(provider),
      headers: responsesHeaders(provider, quirks, credential, upstreamStream),
      body,
    })),
  );
  if (!result.ok) return sendError(res, ctx, result.error, 'openai');
  const upstream = result.response;
  const completionId = completionIdOf(ctx);
  const created = Math.floor(deps.clock.now() / 1000);
  if (upstream.kind === 'buffered') {
    ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    const answer = answerOf(upstream.body, provider, upstreamStream);
    if (!answer.ok) return sendError(res, ctx, answer.error, 'openai');
    const completion = translateResponsesToCompletion(answer.value, {
      requestedModel: parsed.model,
      completionId,
      created,
      toolNames,
      provider: provider.name,
    });
    if (!completion.ok) return sendError(res, ctx, completion.error, 'openai');
    return sendTranslatedJson(res, ctx, completion.value);
  }
  const translator = new ResponsesToChatStream({
    requestedModel: parsed.model,
    completionId,
    created,
    includeUsage,
    requestId: ctx.requestId,
    provider: provider.name,
    restoreToolName: (name) => toolNames.get(name) ?? name,
  });
  await relayTranslatedStream(deps, res, ctx, provider, upstream.body, translator);
}
