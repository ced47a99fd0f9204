import type { Response } from 'express';
import type { ProxyError } from './errors/proxy-error.js';
import { renderAnthropicError } from './errors/render-anthropic-error.js';
import { renderOpenAIError } from './errors/render-openai-error.js';
import { contextOf } from './request-context.js';

export type ClientDialect = 'anthropic' | 'openai';

/** Answers with the error in the client's own API shape, unless the client already left. */
export function sendError(res: Response, error: ProxyError, dialect: ClientDialect): void {
  const ctx = contextOf(res);
  ctx.record.errorKind = error.kind;
  if (error.kind === 'client-aborted' || res.headersSent) return;
  const rendered =
    dialect === 'anthropic' ? renderAnthropicError(error, ctx.requestId) : renderOpenAIError(error, ctx.requestId);
  ctx.record.status = rendered.status;
  res.status(rendered.status).set(rendered.headers).json(rendered.body);
}
