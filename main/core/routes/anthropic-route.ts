import type { IncomingMessage, ServerResponse } from 'node:http';
import { anthropicStreamErrorEvent } from '../errors/render-anthropic-error.js';
import { replaceTopLevelValue } from '../http/json-scan.js';
import { parseAndRoute } from '../pipeline/parse-and-route.js';
import type { AnthropicEndpoint } from '../pipeline/parse-request.js';
import { anthropicHeaders, anthropicTarget } from '../providers/anthropic/anthropic-endpoint.js';
import { StreamUsageTap, usageOfMessage } from '../providers/anthropic/usage.js';
import type { ProxyDeps } from '../proxy-deps.js';
import { forwardRequest } from './forward-request.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { countTokensLocally, translatedMessages } from './chat-translated-route.js';
import { sendPassthroughAnswer } from './passthrough-answer.js';
import { translatedResponses } from './responses-translated-route.js';
import { forwardPlan } from './upstream-call.js';

const PATHS: Record<AnthropicEndpoint, string> = {
  messages: '/v1/messages',
  count_tokens: '/v1/messages/count_tokens',
};

export type ProxiedHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  body: Buffer,
) => Promise<void>;

/**
 * POST /v1/messages and /v1/messages/count_tokens: Anthropic-format providers get the client's
 * bytes with only `model` replaced; OpenAI-format ones a translation (chat-translated-route.ts,
 * responses-translated-route.ts).
 */
export function anthropicRoute(deps: ProxyDeps, endpoint: AnthropicEndpoint): ProxiedHandler {
  return async (req, res, ctx, rawBody) => {
    const routed = parseAndRoute(deps, ctx, rawBody, endpoint);
    if (!routed.ok) return sendError(res, ctx, routed.error, 'anthropic');
    const { parsed, route } = routed.value;
    const { provider, model } = route;
    if (provider.apiFormat === 'openai') {
      if (endpoint === 'count_tokens') return countTokensLocally(res, ctx, parsed);
      return translatedMessages(deps, req, res, ctx, { provider, model, parsed });
    }
    if (provider.apiFormat === 'responses') {
      if (endpoint === 'count_tokens') return countTokensLocally(res, ctx, parsed);
      return translatedResponses(deps, req, res, ctx, { provider, model, parsed });
    }
    const body = replaceTopLevelValue(parsed.bytes, 'model', model);
    const url = req.url ?? '';
    const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const stream = endpoint === 'messages' && parsed.stream;
    const result = await forwardRequest(
      deps,
      forwardPlan(deps, ctx, provider, req.headers, stream, (credential) => ({
        ...anthropicTarget(provider, PATHS[endpoint], search),
        headers: anthropicHeaders(provider, req.headers, credential),
        body,
      })),
    );
    if (!result.ok) return sendError(res, ctx, result.error, 'anthropic');
    await sendPassthroughAnswer(deps, res, ctx, provider, result.response, {
      usageOfBody: (answer) => (endpoint === 'messages' ? usageOfMessage(answer) : undefined),
      tap: () => new StreamUsageTap(),
      streamError: (error) => anthropicStreamErrorEvent(error, ctx.requestId),
    });
  };
}
