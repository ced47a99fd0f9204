import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { newRequestRecord, type RequestRecord } from './activity/request-record.js';
import type { ProxyDeps } from './proxy-deps.js';

export interface RequestContext {
  readonly requestId: string;
  readonly record: RequestRecord;
  /** Aborted when the client goes away before the response is finished. */
  readonly signal: AbortSignal;
}

export function contextOf(res: Response): RequestContext {
  return res.locals['ctx'] as RequestContext;
}

function newRequestId(): string {
  return `req_vdm_${randomBytes(12).toString('hex')}`;
}

/** Every response gets an id (guards and 404s included), so any answer can be matched to a log line. */
export function assignRequestId(_req: Request, res: Response, next: NextFunction): void {
  const id = newRequestId();
  res.locals['requestId'] = id;
  res.setHeader('x-request-id', id);
  next();
}

export function requestIdOf(res: Response): string {
  return (res.locals['requestId'] as string | undefined) ?? 'req_vdm_unknown';
}

function finish(deps: ProxyDeps, res: Response, record: RequestRecord): void {
  record.durationMs = deps.clock.now() - record.startedAt;
  record.status ??= res.statusCode;
  const fields = {
    requestId: record.id,
    endpoint: record.endpoint,
    requested: record.requestedModel,
    provider: record.provider,
    model: record.model,
    status: record.status,
    error: record.errorKind,
    ms: record.durationMs,
    ttfbMs: record.ttfbMs,
    attempts: record.attempts.map((a) => ({ key: a.keyHint, status: a.status, error: a.error, ms: a.durationMs })),
    tokens: record.tokens,
  };
  if (record.errorKind) deps.logger.warn(fields, 'request failed');
  else deps.logger.info(fields, 'request');
  deps.metrics.record(record);
  deps.activity.add(record);
}

/** Gives every proxied request an id, a record and an abort signal, and files the record at the end. */
export function requestContext(deps: ProxyDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdOf(res);
    const record = newRequestRecord(requestId, req.path, deps.clock.now());
    const controller = new AbortController();
    res.locals['ctx'] = { requestId, record, signal: controller.signal } satisfies RequestContext;
    res.on('close', () => {
      if (!res.writableFinished) {
        controller.abort();
        record.errorKind ??= 'client-aborted';
        record.status = 499;
      }
      finish(deps, res, record);
    });
    next();
  };
}
