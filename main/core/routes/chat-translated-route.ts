import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import type { ParsedRequest } from '../pipeline/parse-request.js';
import { chatCompletionsTarget, chatHeaders } from '../providers/openai/openai-endpoint.js';
import { chatQuirksOf } from '../providers/openai/openai-quirks.js';
import type { ProxyDeps } from '../proxy-deps.js';
import { forwardRequest } from './forward-request.js';
import {
  messageIdOf,
  relayTranslatedStream,
  sendTranslatedJson,
  sendTranslatedMessage,
  translationNoteLogger,
} from './translated-answer.js';
import type { RequestContext } from '../request-context.js';
import { sendError } from '../send-error.js';
import { parseUpstreamJson } from './upstream-json.js';
import { forwardPlan } from './upstream-call.js';
import { countAnthropicTokens } from '../translate/count-tokens.js';
import { translateChatResponse, translateMessagesRequest } from '../translate/messages-to-chat.js';
import { ChatStreamTranslator } from '../translate/openai-chat/stream.js';

export interface TranslatedCall {
  readonly provider: ProviderConfig;
  readonly model: string;
  readonly parsed: ParsedRequest;
}

/** count_tokens for a provider that cannot count Anthropic requests: a real tokenizer, locally. */
export function countTokensLocally(
  res: ServerResponse,
  ctx: RequestContext,
  parsed: ParsedRequest,
): void {
  sendTranslatedJson(res, ctx, { input_tokens: countAnthropicTokens(parsed.json) });
}

/**
 * POST /v1/messages to an OpenAI Chat Completions provider: the request translated through the
 * internal representation (TRANSLATION.md), the answer or stream translated back, errors in the
 * Anthropic shape.
 */
export async function translatedMessages(
  deps: ProxyDeps,
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  call: TranslatedCall,
): Promise<void> {
  const { provider, model, parsed } = call;
  const quirks = chatQuirksOf(provider);
  const translated = translateMessagesRequest(parsed.json, {
    model,
    providerName: provider.name,
    maxTokensField: quirks.maxTokensField,
    reasoningContentPassthrough: provider.reasoningContentPassthrough,
    toolNameSanitization: provider.toolNameSanitization,
    cleanToolSchemas: quirks.cleanToolSchemas,
    fileParts: quirks.fileParts,
    stream: parsed.stream,
    ...(quirks.thoughtSignatures
      ? {
          thoughtSignature: (id: string, first: boolean) =>
            deps.thoughtSignatures.forCall(id, first),
        }
      : {}),
  });
  if (!translated.ok) return sendError(res, ctx, translated.error, 'anthropic');
  if (translated.value.dropped.length > 0) {
    deps.logger.info(
      { requestId: ctx.requestId, dropped: translated.value.dropped },
      'tools not sent: server tools or deferred',
    );
  }
  const { toolNames } = translated.value;
  const body = Buffer.from(JSON.stringify(translated.value.body));
  const target = chatCompletionsTarget(provider, model);
  const pending = forwardRequest(
    deps,
    forwardPlan(deps, ctx, provider, req.headers, parsed.stream, (credential) => ({
      ...target,
      headers: chatHeaders(provider, credential),
      body,
    })),
  );

  // The request is on its way: estimate the input tokens for message_start while it travels,
  // instead of between the upstream's first bytes and the client's.
  const inputTokensEstimate = parsed.stream ? countAnthropicTokens(parsed.json) : 0;
  const result = await pending;
  if (!result.ok) return sendError(res, ctx, result.error, 'anthropic');
  const upstream = result.response;
  const messageId = messageIdOf(ctx);
  if (upstream.kind === 'buffered') {
    ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    const parsedJson = parseUpstreamJson(upstream.body, provider.name);
    if (!parsedJson.ok) return sendError(res, ctx, parsedJson.error, 'anthropic');
    const json = parsedJson.value;
    if (quirks.thoughtSignatures) deps.thoughtSignatures.rememberFromResponse(json);
    const message = translateChatResponse(json, {
      requestedModel: parsed.model,
      messageId,
      toolNames,
      onNote: translationNoteLogger(deps, ctx, provider),
    });
    if (!message.ok) return sendError(res, ctx, message.error, 'anthropic');
    return sendTranslatedMessage(res, ctx, message.value);
  }
  const translator = new ChatStreamTranslator({
    requestedModel: parsed.model,
    messageId,
    requestId: ctx.requestId,
    inputTokensEstimate,
    restoreToolName: (name) => toolNames.get(name) ?? name,
    ...(quirks.thoughtSignatures
      ? { onToolCallDelta: (raw: unknown) => deps.thoughtSignatures.rememberFromCall(raw) }
      : {}),
  });
  await relayTranslatedStream(deps, res, ctx, provider, upstream.body, translator);
}
