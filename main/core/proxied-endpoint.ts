import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProxyError } from './errors/proxy-error.js';
import { readBody } from './http/read-body.js';
import { newRequestId } from './http/request-id.js';
import { clientKeyMatches } from './pipeline/authenticate-client.js';
import { isAllowedHost } from './pipeline/guard-host.js';
import type { ProxyDeps } from './proxy-deps.js';
import { openRequestContext } from './request-context.js';
import { anthropicRoute, type ProxiedHandler } from './routes/anthropic-route.js';
import { chatCompletionsRoute } from './routes/chat-completions-route.js';
import { sendError, type ClientDialect } from './send-error.js';

interface Endpoint {
  readonly dialect: ClientDialect;
  readonly handle: ProxiedHandler;
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const q = raw.indexOf('?');
  return q === -1 ? raw : raw.slice(0, q);
}

/**
 * The proxied POST endpoints as one plain-Node handler: guard (Host, client key, body size) ->
 * the endpoint's route. Returns false for any other request, which express then serves.
 */
export function proxiedEndpoint(
  deps: ProxyDeps,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const endpoints = new Map<string, Endpoint>([
    ['/v1/messages', { dialect: 'anthropic', handle: anthropicRoute(deps, 'messages') }],
    [
      '/v1/messages/count_tokens',
      { dialect: 'anthropic', handle: anthropicRoute(deps, 'count_tokens') },
    ],
    ['/v1/chat/completions', { dialect: 'openai', handle: chatCompletionsRoute(deps) }],
  ]);

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    endpoint: Endpoint,
  ): Promise<void> {
    const ctx = openRequestContext(deps, res, newRequestId(), path);
    const refuse = (error: ProxyError) => sendError(res, ctx, error, endpoint.dialect);
    const globals = deps.config().globals;
    if (!isAllowedHost(req.headers.host, deps.allowedHosts))
      return refuse({ kind: 'forbidden-host', host: req.headers.host ?? '' });
    if (globals.proxyApiKey && !clientKeyMatches(req.headers, globals.proxyApiKey))
      return refuse({ kind: 'client-unauthorized' });
    const body = await readBody(req, globals.maxBodyBytes);
    if (body.kind === 'aborted') return refuse({ kind: 'client-aborted' });
    if (body.kind === 'too-large') {
      // The rest of the body is not read: close the connection after answering.
      res.shouldKeepAlive = false;
      return refuse({ kind: 'body-too-large', limitBytes: globals.maxBodyBytes });
    }
    try {
      await endpoint.handle(req, res, ctx, body.bytes);
    } catch (error) {
      // A bug, not a client or upstream failure: logged with the request's own id, answered in its dialect.
      deps.logger.error(
        {
          requestId: ctx.requestId,
          err:
            error instanceof Error ? { message: error.message, name: error.name } : String(error),
        },
        'unhandled error',
      );
      if (res.headersSent) return void res.destroy();
      refuse({ kind: 'internal', message: 'The proxy hit an unexpected error; see its log.' });
    }
  }

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const path = pathOf(req.url);
    const endpoint = endpoints.get(path);
    if (!endpoint) return false;
    serve(req, res, path, endpoint).catch((error: unknown) => {
      // Only reachable if the guards themselves throw; the connection cannot be trusted any more.
      deps.logger.error(
        { err: error instanceof Error ? error.name : String(error) },
        'unhandled error',
      );
      res.destroy();
    });
    return true;
  };
}
