import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { classifyNetworkError } from '../errors/classify-network-error.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { forwardableResponseHeaders } from '../http/hop-by-hop.js';

export interface RelayOptions {
  readonly requestId: string;
  readonly provider: string;
  readonly idleTimeoutMs: number;
  readonly signal: AbortSignal;
  /** Sees each chunk as it passes (usage accounting); must not change it. */
  readonly tap: (chunk: Uint8Array) => void;
  readonly onFirstByte: () => void;
  /** The SSE text that tells the client a stream failed after it started. */
  readonly streamError: (error: ProxyError) => string;
}

/**
 * Relays an upstream SSE stream chunk by chunk as it arrives (no buffering), honouring the
 * client's backpressure. A failure after the headers went out cannot change the status any more:
 * it becomes an `event: error` and the end of the stream (TRANSLATION.md).
 */
export async function relayStream(
  res: ServerResponse,
  upstream: { statusCode: number; headers: Dispatcher.ResponseData['headers']; body: Dispatcher.ResponseData['body'] },
  options: RelayOptions,
): Promise<ProxyError | undefined> {
  res.writeHead(upstream.statusCode, {
    ...forwardableResponseHeaders(upstream.headers),
    'x-request-id': options.requestId,
    'cache-control': 'no-cache',
  });
  res.flushHeaders();
  let first = true;
  try {
    for await (const chunk of upstream.body) {
      const bytes = chunk as Buffer;
      if (first) {
        first = false;
        options.onFirstByte();
      }
      options.tap(bytes);
      if (!res.write(bytes)) await once(res, 'drain', { signal: options.signal });
    }
    res.end();
    return undefined;
  } catch (error) {
    upstream.body.destroy();
    if (options.signal.aborted || res.destroyed) return { kind: 'client-aborted' };
    const failure = classifyNetworkError(error, options.provider, {
      connectMs: 0,
      headersMs: 0,
      idleMs: options.idleTimeoutMs,
    });
    res.end(options.streamError(failure));
    return failure;
  }
}
