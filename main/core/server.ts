import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { ProxyError } from './errors/proxy-error.js';
import { newRequestId } from './http/request-id.js';
import { clientKeyMatches } from './pipeline/authenticate-client.js';
import { isAllowedHost } from './pipeline/guard-host.js';
import type { ProxyDeps } from './proxy-deps.js';
import { proxiedEndpoint } from './proxied-endpoint.js';
import { healthRoute } from './routes/health-route.js';
import { modelsRoute } from './routes/models-route.js';
import { writeError, type ClientDialect } from './send-error.js';

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

function requestIdOf(res: Response): string {
  return res.locals['requestId'] as string;
}

function sendExpressError(req: Request, res: Response, error: ProxyError): void {
  writeError(res, requestIdOf(res), error, dialectOf(req));
}

/** Every response gets an id, so any answer can be matched to a log line. */
function assignRequestId(_req: Request, res: Response, next: NextFunction): void {
  const id = newRequestId();
  res.locals['requestId'] = id;
  res.setHeader('x-request-id', id);
  next();
}

function hostGuard(deps: ProxyDeps): RequestHandler {
  return (req, res, next) => {
    if (isAllowedHost(req.headers.host, deps.allowedHosts)) return next();
    sendExpressError(req, res, { kind: 'forbidden-host', host: req.headers.host ?? '' });
  };
}

function clientAuth(deps: ProxyDeps): RequestHandler {
  return (req, res, next) => {
    const key = deps.config().globals.proxyApiKey;
    if (!key || clientKeyMatches(req.headers, key)) return next();
    sendExpressError(req, res, { kind: 'client-unauthorized' });
  };
}

function errorHandler(deps: ProxyDeps) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    deps.logger.error(
      {
        err: error instanceof Error ? { message: error.message, name: error.name } : String(error),
      },
      'unhandled error',
    );
    if (res.headersSent) return void res.destroy();
    sendExpressError(req, res, {
      kind: 'internal',
      message: 'The proxy hit an unexpected error; see its log.',
    });
  };
}

/** Express for everything but the proxied POSTs: health, metrics, models, the shell's extra routes, 404s. */
function createExpressApp(deps: ProxyDeps, startedAt: number): express.Express {
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
  if (deps.extraRoutes) app.use(deps.extraRoutes);
  app.use((req, res) =>
    sendExpressError(req, res, { kind: 'not-found', method: req.method, path: req.path }),
  );
  app.use(errorHandler(deps));
  return app;
}

export function createProxyServer(deps: ProxyDeps): ProxyServer {
  const startedAt = deps.clock.now();
  const app = createExpressApp(deps, startedAt);
  const proxied = proxiedEndpoint(deps);
  // The proxied POSTs skip express's router and body parser: on this path every microsecond is
  // added latency for every request of every client (bench/RESULTS.md). Same guards, same shapes.
  const server: Server = createServer(
    { noDelay: true, keepAliveTimeout: 65_000, requestTimeout: 0 },
    (req: IncomingMessage, res: ServerResponse) => {
      if (!proxied(req, res)) app(req, res);
    },
  );
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({
            host: address.address,
            port: address.port,
            url: `http://${shownHost}:${address.port}`,
          });
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
