import type { ActivityView } from '../../shared/admin/views.js';
import type { RequestRecord } from '../core/activity/request-record.js';

/** A finished request as the Activity view shows it (no bodies, no keys: hints only). */
export function activityView(record: RequestRecord): ActivityView {
  const last = record.attempts.at(-1);
  return {
    id: record.id,
    startedAt: record.startedAt,
    endpoint: record.endpoint,
    stream: record.stream,
    requestedModel: record.requestedModel ?? null,
    provider: record.provider ?? null,
    model: record.model ?? null,
    status: record.status ?? null,
    errorKind: record.errorKind ?? null,
    ttfbMs: record.ttfbMs ?? null,
    latencyMs: record.durationMs ?? null,
    tokens: record.tokens ? { ...record.tokens } : null,
    keyHint: last?.keyHint ?? null,
    attempts: record.attempts.map((a) => ({
      keyHint: a.keyHint ?? null,
      status: a.status ?? null,
      error: a.error ?? null,
      durationMs: a.durationMs,
    })),
    trace: record.trace.map((step) => ({ ...step })),
  };
}
