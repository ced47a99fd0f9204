import { request, type Dispatcher } from 'undici';
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

/** Error bodies are read for their message only; anything past this is dropped. */
const ERROR_BODY_CAP = 64 * 1024;

export interface UpstreamRequest {
  readonly url: string;
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

export type UpstreamSuccess =
  | {
      readonly kind: 'buffered';
      readonly statusCode: number;
      readonly headers: Dispatcher.ResponseData['headers'];
      readonly body: Buffer;
    }
  | {
      readonly kind: 'stream';
      readonly statusCode: number;
      readonly headers: Dispatcher.ResponseData['headers'];
      readonly body: Dispatcher.ResponseData['body'];
    };

export type ForwardResult =
  | { readonly ok: true; readonly response: UpstreamSuccess }
  | { readonly ok: false; readonly error: ProxyError };

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    chunks.push(buf);
    size += buf.length;
    if (size >= ERROR_BODY_CAP) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, ERROR_BODY_CAP);
}

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

async function once(
  plan: ForwardPlan,
  lease: KeyLease | undefined,
): Promise<Dispatcher.ResponseData> {
  const credential: Credential = lease
    ? { kind: 'provider-key', key: lease.key }
    : plan.fallbackCredential;
  const upstream = plan.build(credential);
  return request(upstream.url, {
    method: 'POST',
    headers: upstream.headers,
    body: upstream.body,
    dispatcher: plan.dispatcher,
    signal: plan.signal,
    headersTimeout: plan.provider.requestTimeoutMs,
    bodyTimeout: plan.provider.streamIdleTimeoutMs,
  });
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
        const response: UpstreamSuccess =
          plan.mode === 'buffer'
            ? {
                kind: 'buffered',
                statusCode: res.statusCode,
                headers: res.headers,
                body: Buffer.from(await res.body.arrayBuffer()),
              }
            : { kind: 'stream', statusCode: res.statusCode, headers: res.headers, body: res.body };
        lease?.report({ kind: 'success' });
        record.attempts.push(attempt(lease, started, clock.now(), res.statusCode));
        return { ok: true, response };
      }
      const bodyText = await readCapped(res.body);
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
