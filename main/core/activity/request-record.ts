import type { TraceStep } from '../routing/model.js';

/** One try at the upstream within a request: which key (by hint), what came back, how long. */
export interface AttemptRecord {
  readonly keyHint: string | undefined;
  readonly status: number | undefined;
  readonly error: string | undefined;
  readonly durationMs: number;
}

export interface TokenUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheCreation: number;
}

/**
 * Everything one request went through, filled in by the pipeline steps as they run; it feeds the
 * log line, the metrics and the activity feed (ARCHITECTURE.md "A request's way through").
 */
export interface RequestRecord {
  readonly id: string;
  readonly startedAt: number;
  readonly endpoint: string;
  stream: boolean;
  requestedModel: string | undefined;
  provider: string | undefined;
  model: string | undefined;
  trace: readonly TraceStep[];
  attempts: AttemptRecord[];
  status: number | undefined;
  errorKind: string | undefined;
  ttfbMs: number | undefined;
  durationMs: number | undefined;
  tokens: TokenUsage | undefined;
}

export function newRequestRecord(id: string, endpoint: string, now: number): RequestRecord {
  return {
    id,
    startedAt: now,
    endpoint,
    stream: false,
    requestedModel: undefined,
    provider: undefined,
    model: undefined,
    trace: [],
    attempts: [],
    status: undefined,
    errorKind: undefined,
    ttfbMs: undefined,
    durationMs: undefined,
    tokens: undefined,
  };
}
