import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { renderOpenAIError } from '../errors/render-openai-error.js';
import { forwardableResponseHeaders } from '../http/hop-by-hop.js';
import { replaceTopLevelValue } from '../http/json-scan.js';
import { forward, type ForwardPlan } from '../pipeline/forward.js';
import { parseClientRequest, type ParsedRequest } from '../pipeline/parse-request.js';
import { relayStream } from '../pipeline/relay-stream.js';
import {
  relayTranslatedStream,
  translatedRelayOptions,
} from '../pipeline/relay-translated-stream.js';
import { resolveRoute } from '../pipeline/resolve-route.js';
import {
  anthropicHeaders,
  anthropicTarget,
  type Credential,
} from '../providers/anthropic/anthropic-endpoint.js';
import { ChatUsageTap, usageOfCompletion } from '../providers/openai/chat-usage.js';
import { chatCompletionsTarget, chatHeaders } from '../providers/openai/openai-endpoint.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { parseUpstreamJson } from './upstream-json.js';
import { AnthropicStreamToChat } from '../translate/anthropic/stream-to-chat.js';
import { translateChatRequest, translateMessagesResponse } from '../translate/chat-to-messages.js';
import type { ProxiedHandler } from './anthropic-route.js';

function refusal(provider: ProviderConfig): ProxyError | undefined {
  if (provider.authMode === 'oauth' || provider.apiFormat === 'responses') {
    return {
      kind: 'conversion-unsupported',
      provider: provider.name,
      message: `Provider "${provider.name}" (${provider.authMode === 'oauth' ? 'OAuth sign-in' : 'Responses API'}) cannot serve Chat Completions clients in this version. Use an API-key provider with api-format "openai" or "anthropic".`,
    };
  }
  return undefined;
}

function credentialFor(provider: ProviderConfig, req: IncomingMessage): Credential {
  return provider.authMode === 'passthrough'
    ? { kind: 'client', headers: req.headers }
    : { kind: 'none' };
}

function basePlan(
  deps: ProxyDeps,
  ctx: RequestContext,
  provider: ProviderConfig,
  req: IncomingMessage,
  stream: boolean,
) {
  return {
    provider,
    pool: deps.keys.pool(provider.name),
    fallbackCredential: credentialFor(provider, req),
    dispatcher: deps.agents.forProvider(provider),
    signal: ctx.signal,
    record: ctx.record,
    clock: deps.clock,
    random: deps.random,
    mode: stream ? ('stream' as const) : ('buffer' as const),
  };
}

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
  const plan: ForwardPlan = {
    ...basePlan(deps, ctx, provider, req, parsed.stream),
    build: (credential) => ({ ...target, headers: chatHeaders(provider, credential), body }),
  };
  const result = await forward(plan);
  if (!result.ok) return sendError(res, ctx, result.error, 'openai');
  const upstream = result.response;
  if (upstream.kind === 'buffered') {
    ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    ctx.record.tokens = usageOfCompletion(upstream.body);
    res.writeHead(upstream.statusCode, {
      ...forwardableResponseHeaders(upstream.headers),
      'x-request-id': ctx.requestId,
      'content-length': upstream.body.length,
    });
    res.end(upstream.body);
    return;
  }
  const tap = new ChatUsageTap();
  const failure = await relayStream(res, upstream, {
    requestId: ctx.requestId,
    provider: provider.name,
    idleTimeoutMs: provider.streamIdleTimeoutMs,
    signal: ctx.signal,
    tap: (chunk) => tap.push(chunk),
    onFirstByte: () => {
      ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    },
    // A Chat stream reports a failure as a `data: {"error": ...}` line (OpenAI's own shape).
    streamError: (error) =>
      `data: ${JSON.stringify(renderOpenAIError(error, ctx.requestId).body)}\n\n`,
  });
  ctx.record.tokens = tap.result;
  if (failure) ctx.record.errorKind = failure.kind;
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
  const plan: ForwardPlan = {
    ...basePlan(deps, ctx, provider, req, parsed.stream),
    build: (credential) => ({
      ...target,
      headers: anthropicHeaders(provider, {}, credential),
      body,
    }),
  };
  const result = await forward(plan);
  if (!result.ok) return sendError(res, ctx, result.error, 'openai');
  const upstream = result.response;
  const completionId = `chatcmpl-${ctx.requestId.replace(/^req_/, '')}`;
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
    const text = JSON.stringify(completion.value);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'x-request-id': ctx.requestId,
    });
    res.end(text);
    return;
  }
  const translator = new AnthropicStreamToChat({
    requestedModel: parsed.model,
    completionId,
    created,
    includeUsage: request.value.includeUsage,
  });
  const failure = await relayTranslatedStream(
    res,
    upstream.body,
    {
      push: (chunk) => translator.push(chunk),
      end: () => translator.end(),
      fail: (error) => translator.fail(error, ctx.requestId),
      // Chat streams have no ping event; an SSE comment keeps idle connections alive the same way.
      ping: () => ': ping\n\n',
    },
    translatedRelayOptions(ctx, provider, deps.pingIntervalMs, () => deps.clock.now()),
  );
  ctx.record.tokens = { ...translator.usage };
  if (failure) ctx.record.errorKind = failure.kind;
}

/** POST /v1/chat/completions for OpenAI clients; errors in OpenAI's shape. */
export function chatCompletionsRoute(deps: ProxyDeps): ProxiedHandler {
  return async (req, res, ctx, rawBody) => {
    const parsed = parseClientRequest(rawBody, 'chat');
    if (!parsed.ok) return sendError(res, ctx, parsed.error, 'openai');
    ctx.record.requestedModel = parsed.value.model;
    ctx.record.stream = parsed.value.stream;
    const route = resolveRoute(deps.config(), parsed.value.model);
    if (!route.ok) {
      ctx.record.trace = route.error.trace;
      return sendError(res, ctx, route.error.error, 'openai');
    }
    const { provider, model, trace } = route.value;
    Object.assign(ctx.record, { trace, provider: provider.name, model });
    const refused = refusal(provider);
    if (refused) return sendError(res, ctx, refused, 'openai');
    if (provider.apiFormat === 'openai')
      return passthrough(deps, req, res, ctx, provider, model, parsed.value);
    return translated(deps, req, res, ctx, provider, model, parsed.value);
  };
}
