import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import { anthropicStreamErrorEvent } from '../errors/render-anthropic-error.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { forwardableResponseHeaders } from '../http/hop-by-hop.js';
import { replaceTopLevelValue } from '../http/json-scan.js';
import { forward, type ForwardPlan } from '../pipeline/forward.js';
import { parseClientRequest, type AnthropicEndpoint } from '../pipeline/parse-request.js';
import { relayStream } from '../pipeline/relay-stream.js';
import { resolveRoute } from '../pipeline/resolve-route.js';
import {
  anthropicHeaders,
  anthropicTarget,
  type Credential,
} from '../providers/anthropic/anthropic-endpoint.js';
import { StreamUsageTap, usageOfMessage } from '../providers/anthropic/usage.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';
import { countTokensLocally, translatedMessages } from './chat-translated-route.js';
import { sendError } from '../send-error.js';

const PATHS: Record<AnthropicEndpoint, string> = {
  messages: '/v1/messages',
  count_tokens: '/v1/messages/count_tokens',
};

/** Formats /v1/messages cannot reach yet (OAuth sign-in and the Responses API come later). */
function unsupported(provider: ProviderConfig): ProxyError | undefined {
  if (provider.authMode === 'oauth') {
    return {
      kind: 'conversion-unsupported',
      provider: provider.name,
      message: `Provider "${provider.name}" uses OAuth sign-in, which this version does not support yet. Use an API-key provider, e.g. ${provider.name === 'chatgpt' ? 'openai' : 'anthropic'}:<model>.`,
    };
  }
  if (provider.apiFormat === 'responses') {
    return {
      kind: 'conversion-unsupported',
      provider: provider.name,
      message: `Provider "${provider.name}" speaks the OpenAI Responses API, which this version does not translate to yet. Use api-format = "openai" (Chat Completions) or "anthropic" for it.`,
    };
  }
  return undefined;
}

function fallbackCredential(provider: ProviderConfig, req: IncomingMessage): Credential {
  return provider.authMode === 'passthrough'
    ? { kind: 'client', headers: req.headers }
    : { kind: 'none' };
}

/** POST /v1/messages and /v1/messages/count_tokens to an Anthropic-format provider, bytes passed through. */
export type ProxiedHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  body: Buffer,
) => Promise<void>;

export function anthropicRoute(deps: ProxyDeps, endpoint: AnthropicEndpoint): ProxiedHandler {
  return async (req, res, ctx, rawBody) => {
    const { record } = ctx;
    const parsed = parseClientRequest(rawBody, endpoint);
    if (!parsed.ok) return sendError(res, ctx, parsed.error, 'anthropic');
    record.requestedModel = parsed.value.model;
    record.stream = parsed.value.stream;
    const route = resolveRoute(deps.config(), parsed.value.model);
    if (!route.ok) {
      record.trace = route.error.trace;
      return sendError(res, ctx, route.error.error, 'anthropic');
    }
    const { provider, model, trace } = route.value;
    Object.assign(record, { trace, provider: provider.name, model });
    const refusal = unsupported(provider);
    if (refusal) return sendError(res, ctx, refusal, 'anthropic');
    if (provider.apiFormat === 'openai') {
      if (endpoint === 'count_tokens') return countTokensLocally(res, ctx, parsed.value);
      const credential = fallbackCredential(provider, req);
      return translatedMessages(deps, req, res, ctx, {
        provider,
        model,
        parsed: parsed.value,
        credential,
      });
    }

    const body = replaceTopLevelValue(parsed.value.bytes, 'model', model);
    const url = req.url ?? '';
    const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const stream = endpoint === 'messages' && parsed.value.stream;
    const plan: ForwardPlan = {
      provider,
      pool: deps.keys.pool(provider.name),
      fallbackCredential: fallbackCredential(provider, req),
      build: (credential) => ({
        ...anthropicTarget(provider, PATHS[endpoint], search),
        headers: anthropicHeaders(provider, req.headers, credential),
        body,
      }),
      dispatcher: deps.agents.forProvider(provider),
      signal: ctx.signal,
      record,
      clock: deps.clock,
      random: deps.random,
      mode: stream ? 'stream' : 'buffer',
    };
    const result = await forward(plan);
    if (!result.ok) return sendError(res, ctx, result.error, 'anthropic');
    const upstream = result.response;
    if (upstream.kind === 'buffered') {
      record.ttfbMs = deps.clock.now() - record.startedAt;
      if (endpoint === 'messages') record.tokens = usageOfMessage(upstream.body);
      res.writeHead(upstream.statusCode, {
        ...forwardableResponseHeaders(upstream.headers),
        'x-request-id': ctx.requestId,
        'content-length': upstream.body.length,
      });
      res.end(upstream.body);
      return;
    }
    const tap = new StreamUsageTap();
    const failure = await relayStream(res, upstream, {
      requestId: ctx.requestId,
      provider: provider.name,
      idleTimeoutMs: provider.streamIdleTimeoutMs,
      signal: ctx.signal,
      tap: (chunk) => tap.push(chunk),
      onFirstByte: () => {
        record.ttfbMs = deps.clock.now() - record.startedAt;
      },
      streamError: (error) => anthropicStreamErrorEvent(error, ctx.requestId),
    });
    record.tokens = tap.result;
    if (failure) record.errorKind = failure.kind;
    else if (tap.upstreamErrored) record.errorKind = 'upstream-stream-error';
  };
}
