import type { ServerResponse } from 'node:http';
import { newRequestRecord, type RequestRecord } from './activity/request-record.js';
import { ClientSignal } from './http/client-signal.js';
import type { ProxyDeps } from './proxy-deps.js';

export interface RequestContext {
  readonly requestId: string;
  readonly record: RequestRecord;
  /** Aborted when the client goes away before the response is finished. */
  readonly signal: ClientSignal;
}

function finish(deps: ProxyDeps, res: ServerResponse, record: RequestRecord): void {
  record.durationMs = deps.clock.now() - record.startedAt;
  record.status ??= res.statusCode;
  const failed = record.errorKind !== undefined;
  // Built only when it will be written: the object costs allocations on every request.
  if (deps.logger.isLevelEnabled(failed ? 'warn' : 'info')) {
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
      attempts: record.attempts.map((a) => ({
        key: a.keyHint,
        status: a.status,
        error: a.error,
        ms: a.durationMs,
      })),
      tokens: record.tokens,
    };
    if (failed) deps.logger.warn(fields, 'request failed');
    else deps.logger.info(fields, 'request');
  }
  deps.metrics.record(record);
  deps.activity.add(record);
}

/**
 * Opens the record of one proxied request and its abort signal; when the response closes, the
 * record is filed in the log, the metrics and the activity feed.
 */
export function openRequestContext(
  deps: ProxyDeps,
  res: ServerResponse,
  requestId: string,
  endpoint: string,
): RequestContext {
  const record = newRequestRecord(requestId, endpoint, deps.clock.now());
  const signal = new ClientSignal();
  res.once('close', () => {
    if (!res.writableFinished) {
      signal.abort();
      record.errorKind ??= 'client-aborted';
      record.status = 499;
    }
    finish(deps, res, record);
  });
  return { requestId, record, signal };
}
