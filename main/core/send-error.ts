import type { ServerResponse } from 'node:http';
import type { ProxyError } from './errors/proxy-error.js';
import { renderAnthropicError } from './errors/render-anthropic-error.js';
import { renderOpenAIError } from './errors/render-openai-error.js';
import type { RequestContext } from './request-context.js';

export type ClientDialect = 'anthropic' | 'openai';

/** Writes the error in the client's own API shape (plain Node response; no framework needed). */
export function writeError(
  res: ServerResponse,
  requestId: string,
  error: ProxyError,
  dialect: ClientDialect,
): number {
  const rendered =
    dialect === 'anthropic'
      ? renderAnthropicError(error, requestId)
      : renderOpenAIError(error, requestId);
  const body = JSON.stringify(rendered.body);
  res.writeHead(rendered.status, {
    ...rendered.headers,
    'x-request-id': requestId,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
  return rendered.status;
}

/** Answers a proxied request with an error, unless the client already left or the stream started. */
export function sendError(
  res: ServerResponse,
  ctx: RequestContext,
  error: ProxyError,
  dialect: ClientDialect,
): void {
  ctx.record.errorKind = error.kind;
  if (error.kind === 'client-aborted' || res.headersSent || res.destroyed) return;
  ctx.record.status = writeError(res, ctx.requestId, error, dialect);
}
