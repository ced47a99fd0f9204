import type { Dispatcher } from 'undici';
import type { ProviderConfig } from '../../config/model.js';
import type { AttemptRecord, RequestRecord } from '../activity/request-record.js';
import type { Clock } from '../clock.js';
import { sleepUnlessAborted, type ClientSignal } from '../http/client-signal.js';
import { classifyNetworkError, isRetryableNetworkError } from '../errors/classify-network-error.js';
import { classifyUpstreamResponse } from '../errors/classify-upstream.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { backoffDelayMs } from '../errors/retry-after.js';
import type { KeyPool } from '../keys/key-pool.js';
import type { KeyLease } from '../keys/model.js';
import type { Credential } from '../providers/anthropic/anthropic-endpoint.js';
import { exchange, type UpstreamResponse } from '../http/upstream-exchange.js';

export interface UpstreamRequest {
  readonly origin: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface ForwardPlan {
  readonly provider: ProviderConfig;
  readonly pool: KeyPool | undefined;
  /** How to authenticate when the pool has no keys: the client's credentials or none at all. */
  readonly fallbackCredential: Credential;
  readonly build: (credential: Credential) => UpstreamRequest;
  readonly dispatcher: Dispatcher;
  readonly signal: ClientSignal;
  readonly record: RequestRecord;
  readonly clock: Clock;
  readonly random: () => number;
  /** `buffer`: read the whole body inside the attempt, so a reset mid-body is retried too. */
  readonly mode: 'buffer' | 'stream';
}

export type ForwardResult =
  | { readonly ok: true; readonly response: UpstreamResponse }
  | { readonly ok: false; readonly error: ProxyError };

function noHealthyKey(plan: ForwardPlan): ProxyError {
  const pool = plan.pool;
  const health = pool?.health() ?? [];
  const allInvalid = health.length > 0 && health.every((k) => k.status.kind === 'invalid');
  const next = pool?.nextAvailableAt();
  const retryAfterMs = next === undefined ? undefined : Math.max(0, next - plan.clock.now());
  const detail = health.map((k) => `${k.hint} ${k.status.kind}`).join(', ');
  return { kind: 'no-healthy-key', provider: plan.provider.name, retryAfterMs, allInvalid, detail };
}

function attempt(
  lease: KeyLease | undefined,
  started: number,
  now: number,
  status?: number,
  error?: string,
): AttemptRecord {
  return { keyHint: lease?.hint, status, error, durationMs: now - started };
}

function once(plan: ForwardPlan, lease: KeyLease | undefined): Promise<UpstreamResponse> {
  const credential: Credential = lease
    ? { kind: 'provider-key', key: lease.key }
    : plan.fallbackCredential;
  const upstream = plan.build(credential);
  return exchange(
    plan.dispatcher,
    {
      origin: upstream.origin,
      path: upstream.path,
      headers: upstream.headers,
      body: upstream.body,
      headersTimeoutMs: plan.provider.requestTimeoutMs,
      bodyTimeoutMs: plan.provider.streamIdleTimeoutMs,
    },
    plan.mode,
    plan.signal,
  );
}

/**
 * Sends the request upstream until it succeeds or there is nothing left to try: another healthy
 * key after a 401/403/429 (failover within the request), jittered backoff after a 5xx/529 or a
 * connection failure, up to the provider's max-retries. Nothing has reached the client yet.
 */
export async function forward(plan: ForwardPlan): Promise<ForwardResult> {
  const { provider, record, clock } = plan;
  const usesKeys = (plan.pool?.size ?? 0) > 0;
  const tried = new Set<string>();
  const secrets = provider.apiKeys;
  const timeouts = {
    connectMs: provider.connectTimeoutMs,
    headersMs: provider.requestTimeoutMs,
    idleMs: provider.streamIdleTimeoutMs,
  };
  let retries = 0;
  let lastError: ProxyError | undefined;
  for (;;) {
    if (plan.signal.aborted) return { ok: false, error: { kind: 'client-aborted' } };
    const lease = usesKeys ? plan.pool?.acquire(tried) : undefined;
    if (usesKeys && !lease) return { ok: false, error: lastError ?? noHealthyKey(plan) };
    const started = clock.now();
    let retryAfterMs: number | undefined;
    try {
      const res = await once(plan, lease);
      if (res.statusCode < 400) {
        lease?.report({ kind: 'success' });
        record.attempts.push(attempt(lease, started, clock.now(), res.statusCode));
        return { ok: true, response: res };
      }
      // Error answers are always collected (capped), whatever the mode.
      const bodyText = res.kind === 'buffered' ? res.body.toString('utf8') : '';
      const verdict = classifyUpstreamResponse({
        status: res.statusCode,
        headers: res.headers,
        bodyText,
        provider: provider.name,
        secrets,
        now: clock.now(),
      });
      lease?.report(verdict.keyOutcome);
      record.attempts.push(attempt(lease, started, clock.now(), res.statusCode));
      lastError = verdict.error;
      if (verdict.next === 'other-key' && lease) {
        tried.add(lease.key);
        continue;
      }
      if (verdict.next !== 'backoff' || retries >= provider.maxRetries)
        return { ok: false, error: verdict.error };
      retryAfterMs =
        verdict.error.kind === 'upstream-http' ? verdict.error.retryAfterMs : undefined;
    } catch (error) {
      const failure = classifyNetworkError(error, provider.name, timeouts);
      // An abort says nothing about the key, but the lease must be returned (a probe would stay held).
      lease?.report({ kind: 'neutral' });
      if (failure.kind === 'client-aborted' || plan.signal.aborted) {
        return { ok: false, error: { kind: 'client-aborted' } };
      }
      record.attempts.push(attempt(lease, started, clock.now(), undefined, failure.kind));
      lastError = failure;
      if (!isRetryableNetworkError(failure) || retries >= provider.maxRetries)
        return { ok: false, error: failure };
    }
    retries += 1;
    const slept = await sleepUnlessAborted(
      backoffDelayMs(retries, plan.random, { retryAfterMs }),
      plan.signal,
    );
    if (!slept) return { ok: false, error: { kind: 'client-aborted' } };
  }
}
