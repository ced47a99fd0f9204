import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { classifyNetworkError } from '../errors/classify-network-error.js';
import type { ClientSignal } from '../http/client-signal.js';
import type { UpstreamStream } from '../http/upstream-exchange.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { forwardableResponseHeaders } from '../http/hop-by-hop.js';

export interface RelayOptions {
  readonly requestId: string;
  readonly provider: string;
  readonly idleTimeoutMs: number;
  readonly signal: ClientSignal;
  /** Sees each chunk as it passes (usage accounting); must not change it. */
  readonly tap: (chunk: Uint8Array) => void;
  readonly onFirstByte: () => void;
  /** The SSE text that tells the client a stream failed after it started. */
  readonly streamError: (error: ProxyError) => string;
}

/**
 * Relays an upstream SSE stream chunk by chunk as it arrives (no buffering), honouring the
 * client's backpressure. The status line and headers go out with the first chunk: one write
 * instead of two saves a wake-up of the client per stream. A failure after that cannot change
 * the status any more: it becomes an `event: error` and the end of the stream (TRANSLATION.md).
 */
export function relayStream(
  res: ServerResponse,
  upstream: { statusCode: number; headers: IncomingHttpHeaders; body: UpstreamStream },
  options: RelayOptions,
): Promise<ProxyError | undefined> {
  res.writeHead(upstream.statusCode, {
    ...forwardableResponseHeaders(upstream.headers),
    'x-request-id': options.requestId,
    'cache-control': 'no-cache',
  });
  return new Promise((resolve) => {
    let first = true;
    let done = false;
    const finish = (outcome: ProxyError | undefined) => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
    const flow = upstream.body.pipeTo({
      data: (bytes) => {
        if (done) return true;
        if (first) {
          first = false;
          options.onFirstByte();
        }
        options.tap(bytes);
        if (res.write(bytes)) return true;
        res.once('drain', () => flow.resume());
        return false;
      },
      end: () => {
        res.end();
        finish(undefined);
      },
      error: (error) => {
        if (options.signal.aborted || res.destroyed) return finish({ kind: 'client-aborted' });
        const failure = classifyNetworkError(error, options.provider, {
          connectMs: 0,
          headersMs: 0,
          idleMs: options.idleTimeoutMs,
        });
        res.end(options.streamError(failure));
        finish(failure);
      },
    });
  });
}
