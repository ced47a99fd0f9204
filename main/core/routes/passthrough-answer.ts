import type { ServerResponse } from 'node:http';
import type { ProviderConfig } from '../../config/model.js';
import type { TokenUsage } from '../activity/request-record.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { forwardableResponseHeaders } from '../http/hop-by-hop.js';
import type { UpstreamResponse } from '../http/upstream-exchange.js';
import { relayStream } from '../pipeline/relay-stream.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';
import { relayOptions } from './upstream-call.js';

/** Watches a relayed stream for usage without changing it. */
export interface UsageTap {
  push(chunk: Uint8Array): void;
  readonly result: TokenUsage | undefined;
  /** The upstream reported an error inside its 200 stream. */
  readonly upstreamErrored?: boolean;
}

/** What differs between the formats a passthrough serves: where usage is, how a stream fails. */
export interface PassthroughFormat {
  usageOfBody(body: Buffer): TokenUsage | undefined;
  tap(): UsageTap;
  streamError(error: ProxyError): string;
}

/** The upstream's answer to the client as it came: a body with its headers, or the stream relayed. */
export async function sendPassthroughAnswer(
  deps: ProxyDeps,
  res: ServerResponse,
  ctx: RequestContext,
  provider: ProviderConfig,
  upstream: UpstreamResponse,
  format: PassthroughFormat,
): Promise<void> {
  const { record } = ctx;
  if (upstream.kind === 'buffered') {
    record.ttfbMs = deps.clock.now() - record.startedAt;
    record.tokens = format.usageOfBody(upstream.body);
    res.writeHead(upstream.statusCode, {
      ...forwardableResponseHeaders(upstream.headers),
      'x-request-id': ctx.requestId,
      'content-length': upstream.body.length,
    });
    res.end(upstream.body);
    return;
  }
  const tap = format.tap();
  const head = {
    statusCode: upstream.statusCode,
    headers: {
      ...forwardableResponseHeaders(upstream.headers),
      'x-request-id': ctx.requestId,
      'cache-control': 'no-cache',
    },
  };
  const identity = {
    push: (chunk: Buffer) => {
      tap.push(chunk);
      return chunk;
    },
    end: () => '',
    fail: format.streamError,
  };
  const failure = await relayStream(
    res,
    head,
    upstream.body,
    identity,
    relayOptions(deps, ctx, provider),
  );
  record.tokens = tap.result;
  if (failure) record.errorKind = failure.kind;
  else if (tap.upstreamErrored) record.errorKind = 'upstream-stream-error';
}
