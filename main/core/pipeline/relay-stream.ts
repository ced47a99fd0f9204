import type { ServerResponse } from 'node:http';
import { classifyNetworkError } from '../errors/classify-network-error.js';
import type { ProxyError } from '../errors/proxy-error.js';
import type { ClientSignal } from '../http/client-signal.js';
import type { UpstreamStream } from '../http/upstream-exchange.js';

/**
 * What the client gets for each upstream chunk. Passthrough hands the bytes on unchanged; a
 * translator turns them into the client's format. `ping` keeps a silent stream alive.
 */
export interface StreamTransform {
  push(chunk: Buffer): Buffer | string;
  end(): string;
  fail(error: ProxyError): string;
  ping?(): string;
}

export interface RelayOptions {
  readonly requestId: string;
  readonly provider: string;
  readonly idleTimeoutMs: number;
  readonly signal: ClientSignal;
  readonly onFirstByte: () => void;
  /** With a transform that can ping: a ping after this long without output (TRANSLATION.md: ~10 s). */
  readonly pingIntervalMs?: number;
}

export interface ResponseHead {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
}

function startPinger(
  res: ServerResponse,
  ping: () => string,
  intervalMs: number,
): { wrote(): void; stop(): void } {
  let lastWrite = Date.now();
  const timer = setInterval(
    () => {
      if (Date.now() - lastWrite >= intervalMs) {
        lastWrite = Date.now();
        res.write(ping());
      }
    },
    Math.max(50, Math.floor(intervalMs / 2)),
  );
  timer.unref();
  return { wrote: () => (lastWrite = Date.now()), stop: () => clearInterval(timer) };
}

/**
 * Relays an upstream stream chunk by chunk as it arrives (no buffering), honouring the client's
 * backpressure. The status line and headers go out with the first write: one write instead of two
 * saves a wake-up of the client per stream. A failure after that cannot change the status any
 * more: it becomes the transform's error event and the end of the stream (TRANSLATION.md).
 */
export function relayStream(
  res: ServerResponse,
  head: ResponseHead,
  body: UpstreamStream,
  transform: StreamTransform,
  options: RelayOptions,
): Promise<ProxyError | undefined> {
  res.writeHead(head.statusCode, head.headers);
  const pinger =
    transform.ping && options.pingIntervalMs !== undefined
      ? startPinger(res, transform.ping.bind(transform), options.pingIntervalMs)
      : undefined;
  return new Promise((resolve) => {
    let first = true;
    let done = false;
    const finish = (outcome: ProxyError | undefined, tail: string | undefined) => {
      if (done) return;
      done = true;
      pinger?.stop();
      if (tail !== undefined) res.end(tail);
      resolve(outcome);
    };
    const flow = body.pipeTo({
      data: (chunk) => {
        if (done) return true;
        if (first) {
          first = false;
          options.onFirstByte();
        }
        const out = transform.push(chunk);
        if (out.length === 0) return true;
        pinger?.wrote();
        if (res.write(out)) return true;
        res.once('drain', () => flow.resume());
        return false;
      },
      end: () => finish(undefined, transform.end()),
      error: (error) => {
        if (options.signal.aborted || res.destroyed)
          return finish({ kind: 'client-aborted' }, undefined);
        const failure = classifyNetworkError(error, options.provider, {
          connectMs: 0,
          headersMs: 0,
          idleMs: options.idleTimeoutMs,
        });
        finish(failure, transform.fail(failure));
      },
    });
  });
}
