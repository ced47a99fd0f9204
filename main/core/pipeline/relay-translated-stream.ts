import type { ServerResponse } from 'node:http';
import { classifyNetworkError } from '../errors/classify-network-error.js';
import type { ProxyError } from '../errors/proxy-error.js';
import type { ClientSignal } from '../http/client-signal.js';
import type { UpstreamStream } from '../http/upstream-exchange.js';

/** What the relay needs of a stream translator (one upstream format into the client's). */
export interface StreamTranslation {
  push(chunk: Uint8Array): string;
  end(): string;
  fail(error: ProxyError): string;
  ping(): string;
}

export interface TranslatedRelayOptions {
  readonly requestId: string;
  readonly provider: string;
  readonly idleTimeoutMs: number;
  readonly pingIntervalMs: number;
  readonly signal: ClientSignal;
  readonly onFirstByte: () => void;
}

/** The relay options every translated route uses: the provider's idle timeout, the app's ping interval, TTFB into the record. */
export function translatedRelayOptions(
  ctx: {
    readonly requestId: string;
    readonly signal: ClientSignal;
    readonly record: { ttfbMs: number | undefined; readonly startedAt: number };
  },
  provider: { readonly name: string; readonly streamIdleTimeoutMs: number },
  pingIntervalMs: number,
  now: () => number,
): TranslatedRelayOptions {
  return {
    requestId: ctx.requestId,
    provider: provider.name,
    idleTimeoutMs: provider.streamIdleTimeoutMs,
    pingIntervalMs,
    signal: ctx.signal,
    onFirstByte: () => {
      ctx.record.ttfbMs = now() - ctx.record.startedAt;
    },
  };
}

/**
 * Relays an upstream stream through a translator, event by event as chunks arrive. While the
 * upstream says nothing (long reasoning), a ping goes out every `pingIntervalMs` so clients do not
 * time out (TRANSLATION.md). Failures after the start become the translator's error event.
 */
export function relayTranslatedStream(
  res: ServerResponse,
  body: UpstreamStream,
  translation: StreamTranslation,
  options: TranslatedRelayOptions,
): Promise<ProxyError | undefined> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-request-id': options.requestId,
  });
  // No separate flush: headers go out with the first event (or the first ping).
  return new Promise((resolve) => {
    let first = true;
    let done = false;
    let lastWrite = Date.now();
    const write = (text: string): boolean => {
      if (text === '') return true;
      lastWrite = Date.now();
      return res.write(text);
    };
    const pinger = setInterval(
      () => {
        if (Date.now() - lastWrite >= options.pingIntervalMs) write(translation.ping());
      },
      Math.max(50, Math.floor(options.pingIntervalMs / 2)),
    );
    pinger.unref();
    const finish = (outcome: ProxyError | undefined, tail: string) => {
      if (done) return;
      done = true;
      clearInterval(pinger);
      res.end(tail);
      resolve(outcome);
    };
    const flow = body.pipeTo({
      data: (chunk) => {
        if (done) return true;
        if (first) {
          first = false;
          options.onFirstByte();
        }
        if (write(translation.push(chunk))) return true;
        res.once('drain', () => flow.resume());
        return false;
      },
      end: () => finish(undefined, translation.end()),
      error: (error) => {
        if (options.signal.aborted || res.destroyed) {
          clearInterval(pinger);
          done = true;
          return resolve({ kind: 'client-aborted' });
        }
        const failure = classifyNetworkError(error, options.provider, {
          connectMs: 0,
          headersMs: 0,
          idleMs: options.idleTimeoutMs,
        });
        finish(failure, translation.fail(failure));
      },
    });
  });
}
