import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import { renderOpenAIError } from '../errors/render-openai-error.js';
import { replaceTopLevelValue } from '../http/json-scan.js';
import { parseAndRoute } from '../pipeline/parse-and-route.js';
import type { ParsedRequest } from '../pipeline/parse-request.js';
import { relayStream } from '../pipeline/relay-stream.js';
import { anthropicHeaders, anthropicTarget } from '../providers/anthropic/anthropic-endpoint.js';
import { ChatUsageTap, usageOfCompletion } from '../providers/openai/chat-usage.js';
import { chatCompletionsTarget, chatHeaders } from '../providers/openai/openai-endpoint.js';
import type { ProxyDeps } from '../proxy-deps.js';
import { forwardRequest } from './forward-request.js';
import { completionIdOf, sendTranslatedJson } from './translated-answer.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { AnthropicStreamToChat } from '../translate/anthropic/stream-to-chat.js';
import { translateChatRequest, translateMessagesResponse } from '../translate/chat-to-messages.js';
import type { ProxiedHandler } from './anthropic-route.js';
import { sendPassthroughAnswer } from './passthrough-answer.js';
import { chatToResponses } from './responses-chat-route.js';
import { forwardPlan, relayOptions, translatedStreamHead } from './upstream-call.js';
import { parseUpstreamJson } from './upstream-json.js';

/** To an OpenAI-format provider: the client's bytes with only `model` replaced, answers relayed as they are. */
async function passthrough(
  deps: ProxyDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  provider: ProviderConfig,
  model: string,
  parsed: ParsedRequest,
): Promise<void> {
  const body = replaceTopLevelValue(parsed.bytes, 'model', model);
  const target = chatCompletionsTarget(provider, model);
  const result = await forwardRequest(
    deps,
    forwardPlan(deps, ctx, provider, req.headers, parsed.stream, (credential) => ({
      ...target,
      headers: chatHeaders(provider, credential),
      body,
    })),
  );
  if (!result.ok) return sendError(res, ctx, result.error, 'openai');
  await sendPassthroughAnswer(deps, res, ctx, provider, result.response, {
    usageOfBody: usageOfCompletion,
    tap: () => new ChatUsageTap(),
    // A Chat stream reports a failure as a `data: {"error": ...}` line (OpenAI's own shape).
    streamError: (error) =>
      `data: ${JSON.stringify(renderOpenAIError(error, ctx.requestId).body)}\n\n`,
  });
}

/** To an Anthropic-format provider: Chat request -> Messages, and the answer or stream back (TRANSLATION.md). */
async function translated(
  deps: ProxyDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  provider: ProviderConfig,
  model: string,
  parsed: ParsedRequest,
): Promise<void> {
  const request = translateChatRequest(parsed.json, { model, stream: parsed.stream });
  if (!request.ok) return sendError(res, ctx, request.error, 'openai');
  const body = Buffer.from(JSON.stringify(request.value.body));
  const target = anthropicTarget(provider, '/v1/messages', '');
  const plan = forwardPlan(deps, ctx, provider, req.headers, parsed.stream, (credential) => ({
    ...target,
    // The client spoke OpenAI: none of its headers mean anything to an Anthropic upstream.
    headers: anthropicHeaders(provider, {}, credential),
    body,
  }));
  const result = await forwardRequest(deps, plan);
  if (!result.ok) return sendError(res, ctx, result.error, 'openai');
  const upstream = result.response;
  const completionId = completionIdOf(ctx);
  const created = Math.floor(deps.clock.now() / 1000);
  if (upstream.kind === 'buffered') {
    ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    const parsedJson = parseUpstreamJson(upstream.body, provider.name);
    if (!parsedJson.ok) return sendError(res, ctx, parsedJson.error, 'openai');
    const json = parsedJson.value;
    const completion = translateMessagesResponse(json, {
      requestedModel: parsed.model,
      completionId,
      created,
    });
    if (!completion.ok) return sendError(res, ctx, completion.error, 'openai');
    return sendTranslatedJson(res, ctx, completion.value);
  }
  const translator = new AnthropicStreamToChat({
    requestedModel: parsed.model,
    completionId,
    created,
    includeUsage: request.value.includeUsage,
  });
  const failure = await relayStream(
    res,
    translatedStreamHead(ctx),
    upstream.body,
    {
      push: (chunk) => translator.push(chunk),
      end: () => translator.end(),
      fail: (error) => translator.fail(error, ctx.requestId),
      // Chat streams have no ping event; an SSE comment keeps idle connections alive the same way.
      ping: () => ': ping\n\n',
    },
    relayOptions(deps, ctx, provider),
  );
  ctx.record.tokens = { ...translator.usage };
  if (failure) ctx.record.errorKind = failure.kind;
}

/** POST /v1/chat/completions for OpenAI clients; errors in OpenAI's shape. */
export function chatCompletionsRoute(deps: ProxyDeps): ProxiedHandler {
  return async (req, res, ctx, rawBody) => {
    const routed = parseAndRoute(deps, ctx, rawBody, 'chat');
    if (!routed.ok) return sendError(res, ctx, routed.error, 'openai');
    const { parsed, route } = routed.value;
    const { provider, model } = route;
    if (provider.apiFormat === 'openai')
      return passthrough(deps, req, res, ctx, provider, model, parsed);
    if (provider.apiFormat === 'responses')
      return chatToResponses(deps, req, res, ctx, { provider, model, parsed });
    return translated(deps, req, res, ctx, provider, model, parsed);
  };
}
