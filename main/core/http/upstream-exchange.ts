import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import type { ClientSignal } from './client-signal.js';

/** Error bodies are read for their message only; anything past this is dropped. */
export const ERROR_BODY_CAP = 64 * 1024;

export interface UpstreamCall {
  readonly origin: string;
  /** Path and query, e.g. `/v1/messages?beta=true`. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
}

/** Receives a relayed body; `data` returning false pauses the upstream until `resume` is called. */
export interface BodySink {
  data(chunk: Buffer): boolean;
  end(): void;
  error(error: Error): void;
}

/** A response body still arriving: attach one sink; chunks that came before it are replayed. */
export interface UpstreamStream {
  pipeTo(sink: BodySink): { resume(): void };
}

export type UpstreamResponse =
  | {
      readonly kind: 'buffered';
      readonly statusCode: number;
      readonly headers: IncomingHttpHeaders;
      readonly body: Buffer;
    }
  | {
      readonly kind: 'stream';
      readonly statusCode: number;
      readonly headers: IncomingHttpHeaders;
      readonly body: UpstreamStream;
    };

function clientGone(): Error {
  const error = new Error('the client went away');
  error.name = 'AbortError';
  return error;
}

type Settle = { resolve(r: UpstreamResponse): void; reject(e: Error): void };

/**
 * One HTTP exchange through undici's `dispatch` handler API. `request()` builds a stream object
 * and a promise chain per response; a passthrough measured 65% more throughput without them
 * (bench/RESULTS.md). Success bodies in `stream` mode are handed on as they arrive; everything
 * else (non-streaming answers, and every error body, capped) is collected first.
 */
class Exchange implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #settled = false;
  #status = 0;
  #headers: IncomingHttpHeaders = {};
  #parts: Buffer[] = [];
  #size = 0;
  #streaming = false;
  #sink: BodySink | undefined;
  #ended = false;
  #failure: Error | undefined;
  readonly #onAbort = () => this.#controller?.abort(clientGone());

  constructor(
    private readonly mode: 'buffer' | 'stream',
    private readonly signal: ClientSignal,
    private readonly settle: Settle,
  ) {
    signal.once('abort', this.#onAbort);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.signal.aborted) controller.abort(clientGone());
  }

  onResponseStart(
    _c: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200) return; // 1xx informational answers come before the real one
    this.#status = statusCode;
    if (this.mode === 'stream' && statusCode < 400) {
      this.#streaming = true;
      this.#resolve({
        kind: 'stream',
        statusCode,
        headers,
        body: { pipeTo: (sink) => this.#attach(sink) },
      });
    } else {
      this.#headers = headers;
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#streaming && this.#sink) {
      if (!this.#sink.data(chunk)) controller.pause();
      return;
    }
    if (!this.#streaming && this.#status >= 400 && this.#size >= ERROR_BODY_CAP) return;
    this.#parts.push(chunk);
    this.#size += chunk.length;
  }

  onResponseEnd(): void {
    this.#done();
    if (this.#streaming) {
      this.#ended = true;
      this.#sink?.end();
      return;
    }
    const body =
      this.#parts.length === 1
        ? (this.#parts[0] as Buffer)
        : Buffer.concat(this.#parts, this.#size);
    this.#resolve({ kind: 'buffered', statusCode: this.#status, headers: this.#headers, body });
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.#done();
    if (!this.#settled) {
      this.#settled = true;
      this.settle.reject(error);
      return;
    }
    this.#failure = error;
    this.#sink?.error(error);
  }

  #attach(sink: BodySink): { resume(): void } {
    this.#sink = sink;
    const early = this.#parts;
    this.#parts = [];
    for (const chunk of early) sink.data(chunk);
    if (this.#failure) sink.error(this.#failure);
    else if (this.#ended) sink.end();
    return { resume: () => this.#controller?.resume() };
  }

  #resolve(response: UpstreamResponse): void {
    if (this.#settled) return;
    this.#settled = true;
    this.settle.resolve(response);
  }

  #done(): void {
    this.signal.off('abort', this.#onAbort);
  }
}

export function exchange(
  dispatcher: Dispatcher,
  call: UpstreamCall,
  mode: 'buffer' | 'stream',
  signal: ClientSignal,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const handler = new Exchange(mode, signal, { resolve, reject });
    dispatcher.dispatch(
      {
        origin: call.origin,
        path: call.path,
        method: 'POST',
        headers: call.headers,
        body: call.body,
        headersTimeout: call.headersTimeoutMs,
        bodyTimeout: call.bodyTimeoutMs,
      },
      handler,
    );
  });
}
