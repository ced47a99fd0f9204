import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { err, ok, type Result } from '../../shared/result.js';
import { denied, portsBusy, stateMismatch, type OAuthError } from './oauth-errors.js';

/** What the browser brought back on the redirect (RFC 6749 section 4.1.2). */
export interface CallbackCode {
  readonly code: string;
}

export interface CallbackListener {
  readonly port: number;
  /** Settles on the first request to the callback path; the server is closed by then. */
  readonly callback: Promise<Result<CallbackCode, OAuthError>>;
  /** Stops waiting (cancel, timeout); idempotent. */
  close(): Promise<void>;
}

export interface ListenOptions {
  readonly host: string;
  readonly ports: readonly number[];
  readonly path: string;
  readonly expectedState: string;
}

/**
 * Binds the first free port of `ports` on loopback (RFC 8252 section 7.3) and answers exactly one
 * callback request, then closes: a listener left open would accept a late or forged redirect.
 * Requests to other paths (a browser's /favicon.ico) get 404 and do not count.
 */
export async function listenForCallback(
  options: ListenOptions,
): Promise<Result<CallbackListener, OAuthError>> {
  for (const port of options.ports) {
    const server = createServer();
    const bound = await bind(server, options.host, port);
    if (bound === 'busy') continue;
    return ok(serveOnce(server, bound, options));
  }
  return err(portsBusy(options.ports));
}

function bind(server: Server, host: string, port: number): Promise<number | 'busy'> {
  return new Promise((resolve) => {
    const onError = (): void => resolve('busy');
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function serveOnce(server: Server, port: number, options: ListenOptions): CallbackListener {
  let settle: (result: Result<CallbackCode, OAuthError>) => void = () => undefined;
  const callback = new Promise<Result<CallbackCode, OAuthError>>((resolve) => {
    settle = resolve;
  });
  let closed: Promise<void> | undefined;
  let answered = false;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      if (server.listening) server.close(() => resolve());
      else resolve();
      server.closeAllConnections();
    });
    return closed;
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${options.host}:${port}`);
    if (answered || url.pathname !== options.path) {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('Not found');
      return;
    }
    answered = true;
    const result = readCallback(url.searchParams, options.expectedState);
    // Stop listening now; drop the connection once the page is flushed (`connection: close`).
    res.once('finish', () => void close());
    respond(res, result);
    server.close();
    settle(result);
  });
  return { port, callback, close };
}

/** RFC 6749 sections 4.1.2 and 4.1.2.1; state is checked before anything else (RFC 6749 10.12). */
function readCallback(
  params: URLSearchParams,
  expectedState: string,
): Result<CallbackCode, OAuthError> {
  if (params.get('state') !== expectedState) return err(stateMismatch());
  const error = params.get('error');
  if (error !== null) return err(denied(error, params.get('error_description') ?? undefined));
  const code = params.get('code');
  if (code === null || code.length === 0) return err(denied('no_code', 'no code was returned'));
  return ok({ code });
}

function respond(res: ServerResponse, result: Result<CallbackCode, OAuthError>): void {
  const [title, text] = result.ok
    ? ['Signed in', 'You are signed in. You can close this window.']
    : ['Sign-in failed', `${result.error.message} ${result.error.fix}`];
  res.writeHead(result.ok ? 200 : 400, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(`<!doctype html><title>${title}</title><p>${escapeHtml(text)}</p>`);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
