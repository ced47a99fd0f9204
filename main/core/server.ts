import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { ProxyError } from './errors/proxy-error.js';
import { clientKeyMatches } from './pipeline/authenticate-client.js';
import { isAllowedHost } from './pipeline/guard-host.js';
import type { ProxyDeps } from './proxy-deps.js';
import { assignRequestId, requestContext, requestIdOf } from './request-context.js';
import { anthropicRoute } from './routes/anthropic-route.js';
import { healthRoute } from './routes/health-route.js';
import { modelsRoute } from './routes/models-route.js';
import { sendError, type ClientDialect } from './send-error.js';
import { renderAnthropicError } from './errors/render-anthropic-error.js';
import { renderOpenAIError } from './errors/render-openai-error.js';

export interface ProxyServer {
  readonly app: express.Express;
  listen(port: number, host: string): Promise<{ host: string; port: number; url: string }>;
  /** Stops accepting, lets in-flight requests finish for up to `drainMs`, then cuts the rest. */
  close(drainMs?: number): Promise<void>;
}

function dialectOf(req: Request): ClientDialect {
  if (req.path.startsWith('/v1/chat/')) return 'openai';
  if (req.path === '/v1/models' && !req.headers['anthropic-version']) return 'openai';
  return 'anthropic';
}

/** For errors raised before a request context exists (guards, 404). */
function sendBareError(req: Request, res: Response, error: ProxyError): void {
  if (res.locals['ctx']) return sendError(res, error, dialectOf(req));
  const id = requestIdOf(res);
  const rendered = dialectOf(req) === 'anthropic' ? renderAnthropicError(error, id) : renderOpenAIError(error, id);
  res.status(rendered.status).set(rendered.headers).json(rendered.body);
}

function hostGuard(deps: ProxyDeps): RequestHandler {
  return (req, res, next) => {
    if (isAllowedHost(req.headers.host, deps.allowedHosts)) return next();
    sendBareError(req, res, { kind: 'forbidden-host', host: req.headers.host ?? '' });
  };
}

function clientAuth(deps: ProxyDeps): RequestHandler {
  return (req, res, next) => {
    const key = deps.config().globals.proxyApiKey;
    if (!key || clientKeyMatches(req.headers, key)) return next();
    sendBareError(req, res, { kind: 'client-unauthorized' });
  };
}

/** Raw body with the configured limit; parsers are cached per limit since the limit can be reloaded. */
function rawBody(deps: ProxyDeps): RequestHandler {
  const parsers = new Map<number, RequestHandler>();
  return (req, res, next) => {
    const limit = deps.config().globals.maxBodyBytes;
    let parser = parsers.get(limit);
    if (!parser) {
      parser = express.raw({ type: () => true, limit });
      parsers.set(limit, parser);
    }
    parser(req, res, next);
  };
}

function errorHandler(deps: ProxyDeps) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      return sendBareError(req, res, { kind: 'body-too-large', limitBytes: deps.config().globals.maxBodyBytes });
    }
    if (type === 'request.aborted') return sendBareError(req, res, { kind: 'client-aborted' });
    deps.logger.error({ err: error instanceof Error ? { message: error.message, name: error.name } : String(error) }, 'unhandled error');
    sendBareError(req, res, { kind: 'internal', message: 'The proxy hit an unexpected error; see its log.' });
  };
}

function wrap(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    handler(req, res).catch(next);
  };
}

export function createProxyServer(deps: ProxyDeps): ProxyServer {
  const startedAt = deps.clock.now();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(assignRequestId);
  app.use(hostGuard(deps));
  app.get('/health', healthRoute(deps, startedAt));
  app.get('/metrics', clientAuth(deps), (_req, res, next) => {
    deps.metrics.text().then((text) => res.type(deps.metrics.contentType).send(text), next);
  });
  app.get('/v1/models', clientAuth(deps), modelsRoute(deps, startedAt));
  const proxied = [requestContext(deps), clientAuth(deps), rawBody(deps)];
  app.post('/v1/messages', ...proxied, wrap(anthropicRoute(deps, 'messages')));
  app.post('/v1/messages/count_tokens', ...proxied, wrap(anthropicRoute(deps, 'count_tokens')));
  app.post('/v1/chat/completions', ...proxied, (_req, res) => {
    sendError(res, { kind: 'conversion-unsupported', provider: 'any', message: 'OpenAI Chat Completions clients are not yet supported in this version; use the Anthropic Messages API (/v1/messages).' }, 'openai');
  });
  app.use((req, res) => sendBareError(req, res, { kind: 'not-found', method: req.method, path: req.path }));
  app.use(errorHandler(deps));

  const server: Server = createServer({ noDelay: true, keepAliveTimeout: 65_000, requestTimeout: 0 }, app);
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ host: address.address, port: address.port, url: `http://${shownHost}:${address.port}` });
        });
      }),
    close: (drainMs = 10_000) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        const timer = setTimeout(() => server.closeAllConnections(), drainMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
