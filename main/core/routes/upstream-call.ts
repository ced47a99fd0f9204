import type { HeaderBag } from '../http/hop-by-hop.js';
import type { ProviderConfig } from '../../config/model.js';
import type { ForwardPlan, UpstreamRequest } from '../pipeline/forward.js';
import type { RelayOptions, ResponseHead } from '../pipeline/relay-stream.js';
import type { Credential } from '../providers/anthropic/anthropic-endpoint.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';

/** How to authenticate when the provider's pool has no key: the client's own (`!PASSTHRU`) or nothing. */
export function clientCredential(provider: ProviderConfig, clientHeaders: HeaderBag): Credential {
  return provider.authMode === 'passthrough'
    ? { kind: 'client', headers: clientHeaders }
    : { kind: 'none' };
}

/** The forward plan every route uses; only the upstream request itself differs per route. */
export function forwardPlan(
  deps: ProxyDeps,
  ctx: RequestContext,
  provider: ProviderConfig,
  clientHeaders: HeaderBag,
  stream: boolean,
  build: (credential: Credential) => UpstreamRequest,
): ForwardPlan {
  return {
    provider,
    pool: deps.keys.pool(provider.name),
    fallbackCredential: clientCredential(provider, clientHeaders),
    build,
    dispatcher: deps.agents.forProvider(provider),
    signal: ctx.signal,
    record: ctx.record,
    clock: deps.clock,
    random: deps.random,
    mode: stream ? 'stream' : 'buffer',
  };
}

/** Stream relay options: the provider's idle timeout, the app's ping interval, first byte into the record. */
export function relayOptions(
  deps: ProxyDeps,
  ctx: RequestContext,
  provider: ProviderConfig,
): RelayOptions {
  return {
    requestId: ctx.requestId,
    provider: provider.name,
    idleTimeoutMs: provider.streamIdleTimeoutMs,
    pingIntervalMs: deps.pingIntervalMs,
    signal: ctx.signal,
    onFirstByte: () => {
      ctx.record.ttfbMs = deps.clock.now() - ctx.record.startedAt;
    },
  };
}

/** A translated stream is always a 200 event stream: the upstream's headers describe another format. */
export function translatedStreamHead(ctx: RequestContext): ResponseHead {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      'x-request-id': ctx.requestId,
    },
  };
}
