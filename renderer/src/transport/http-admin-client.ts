import type { AdminClient } from '../../../shared/admin/admin-client.js';
import type {
  AdminEvent,
  AdminInput,
  AdminOperation,
  AdminOutput,
} from '../../../shared/admin/contract.js';
import type { AppError } from '../../../shared/domain/app-error.js';
import { err, type Result } from '../../../shared/result.js';
import { followAdminEvents, type Sleep } from './admin-event-stream.js';
import type { FetchLike } from './fetch-like.js';
import { proxyUnreachable, unexpectedAnswer } from './proxy-unreachable.js';

export interface HttpAdminClientOptions {
  readonly token: string;
  /** Injected so tests can answer without a server; defaults to the page's fetch. */
  readonly fetch?: FetchLike;
  readonly sleep?: Sleep;
  /** Prefix of the admin API; the page is served by the same origin (`connect-src 'self'`). */
  readonly apiBase?: string;
}

function isResultShape(body: unknown): body is Result<unknown, AppError> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'value' in body;
  return body.ok === false && 'error' in body && typeof body.error === 'object';
}

/**
 * The admin contract over the headless server's `/api/*`. The server answers every call with a
 * Result body whatever the HTTP status, so the body is passed through as is; only a transport
 * failure is turned into an error here.
 */
export function createHttpAdminClient(options: HttpAdminClientOptions): AdminClient {
  // Bound so the browser's fetch is not called with a foreign `this` (an "Illegal invocation").
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const apiBase = options.apiBase ?? '/api';
  const authorization = `Bearer ${options.token}`;
  const listeners = new Set<(event: AdminEvent) => void>();
  let stopStream: (() => void) | null = null;

  async function call<Op extends AdminOperation>(
    operation: Op,
    input: AdminInput<Op>,
  ): Promise<Result<AdminOutput<Op>, AppError>> {
    let response: Response;
    try {
      response = await fetchImpl(`${apiBase}/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify(input),
      });
    } catch {
      return err(proxyUnreachable(operation));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return err(unexpectedAnswer(operation, response.status));
    }
    if (!isResultShape(body)) return err(unexpectedAnswer(operation, response.status));
    // The output is trusted to match the contract: the same schemas produced it on the server.
    return body as Result<AdminOutput<Op>, AppError>;
  }

  // One stream for all listeners: every page subscribes, but the proxy sees one connection.
  function subscribe(listener: (event: AdminEvent) => void): () => void {
    listeners.add(listener);
    stopStream ??= followAdminEvents({
      url: `${apiBase}/events`,
      authorization,
      fetch: fetchImpl,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      onEvent: (event) => listeners.forEach((l) => l(event)),
    });
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && stopStream) {
        stopStream();
        stopStream = null;
      }
    };
  }

  return { call, subscribe };
}
