import type { ServerResponse } from 'node:http';
import type { TokenUsage } from '../activity/request-record.js';
import type { ProviderConfig } from '../../config/model.js';
import type { UpstreamStream } from '../http/upstream-exchange.js';
import { relayStream, type StreamTransform } from '../pipeline/relay-stream.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';
import { relayOptions, translatedStreamHead } from './upstream-call.js';

/** The ids of a translated answer, derived from the request id so logs and answers match. */
export const messageIdOf = (ctx: RequestContext): string =>
  `msg_${ctx.requestId.replace(/^req_/, '')}`;
export const completionIdOf = (ctx: RequestContext): string =>
  `chatcmpl-${ctx.requestId.replace(/^req_/, '')}`;

/** Where a translator reports what it could not carry over (logged, never sent). */
export const translationNoteLogger =
  (deps: ProxyDeps, ctx: RequestContext, provider: ProviderConfig) =>
  (note: string): void =>
    deps.logger.warn(
      { requestId: ctx.requestId, provider: provider.name, note },
      'translation note',
    );

/** A translated answer, whole: JSON with its length and the request id. */
export function sendTranslatedJson(res: ServerResponse, ctx: RequestContext, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': ctx.requestId,
  });
  res.end(text);
}

/** A translated Anthropic message: its usage goes into the request record, then it is sent. */
export function sendTranslatedMessage(
  res: ServerResponse,
  ctx: RequestContext,
  message: Record<string, unknown>,
): void {
  const usage = message['usage'] as
    { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number } | undefined;
  ctx.record.tokens = {
    input: usage?.input_tokens ?? 0,
    output: usage?.output_tokens ?? 0,
    cacheRead: usage?.cache_read_input_tokens ?? 0,
    cacheCreation: 0,
  };
  sendTranslatedJson(res, ctx, message);
}

/** Relays an upstream stream through a translator; its token count and failure go to the record. */
export async function relayTranslatedStream(
  deps: ProxyDeps,
  res: ServerResponse,
  ctx: RequestContext,
  provider: ProviderConfig,
  body: UpstreamStream,
  translator: StreamTransform & { readonly usage: TokenUsage },
): Promise<void> {
  const failure = await relayStream(
    res,
    translatedStreamHead(ctx),
    body,
    translator,
    relayOptions(deps, ctx, provider),
  );
  ctx.record.tokens = { ...translator.usage };
  if (failure) ctx.record.errorKind = failure.kind;
}
