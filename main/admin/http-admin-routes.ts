import express, { type Request, type Response, type Router } from 'express';
import type { AdminEvent } from '../../shared/admin/contract.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { assertNever } from '../../shared/assert-never.js';
import type { Logger } from '../core/logging/logger.js';
import type { AdminService } from './admin-service.js';
import { dispatchAdmin } from './dispatch-admin.js';
import { checkAdminRequest } from './http-admin-auth.js';

const HEARTBEAT_MS = 15_000;

function statusOf(error: AppError): number {
  switch (error.kind) {
    case 'invalid-input':
      return 400;
    case 'unauthorized':
      return 401;
    case 'not-found':
      return 404;
    case 'read-only':
    case 'conflict':
      return 409;
    case 'secret-store-unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertNever(error);
  }
}

function sendError(res: Response, status: number, error: AppError): void {
  res.status(status).json({ ok: false, error });
}

function streamEvents(
  service: AdminService,
  req: Request,
  res: Response,
  open: Set<Response>,
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
  });
  res.write(': connected\n\n');
  const send = (event: AdminEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
  const unsubscribe = service.subscribe(send);
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  open.add(res);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  });
}

/**
 * The admin contract over HTTP (ARCHITECTURE.md): `POST /api/<operation>` with the input as JSON,
 * answered with the `Result` as JSON (the HTTP status mirrors the error kind), and `GET
 * /api/events` as server-sent events. Every request passes `checkAdminRequest` first.
 */
export interface HttpAdminRoutes {
  readonly router: Router;
  /**
   * Ends the open event streams: they never finish by themselves, so a stopping server would
   * otherwise wait its whole drain time for the windows that are still open.
   */
  closeEventStreams(): void;
}

export function httpAdminRoutes(
  service: AdminService,
  adminToken: string,
  logger: Logger,
): HttpAdminRoutes {
  const router = express.Router();
  const open = new Set<Response>();
  router.use('/api', (req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    const refused = checkAdminRequest(req.headers, adminToken);
    if (refused) return sendError(res, refused.status, refused.error);
    next();
  });
  router.get('/api/events', (req, res) => streamEvents(service, req, res, open));
  router.post('/api/:operation', express.json({ limit: '1mb' }), (req, res, next) => {
    dispatchAdmin(service, String(req.params['operation']), req.body, (error) =>
      logger.error(
        {
          err:
            error instanceof Error ? { name: error.name, message: error.message } : String(error),
        },
        'admin operation failed',
      ),
    ).then((result) => {
      if (result.ok) res.json(result);
      else sendError(res, statusOf(result.error), result.error);
    }, next);
  });
  router.all('/api/*path', (req, res) =>
    sendError(res, 405, {
      kind: 'not-found',
      message: `${req.method} ${req.path} is not part of the admin API.`,
      fix: 'Operations are POST /api/<operation>; events are GET /api/events.',
    }),
  );
  // A body that is not JSON: express.json's error, in the API's own shape.
  router.use(
    '/api',
    (error: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
      const status = (error as { status?: number }).status;
      if (status === undefined || status >= 500) return next(error);
      sendError(res, status, {
        kind: 'invalid-input',
        message: `The request body is not valid JSON (${(error as Error).message}).`,
        fix: 'Send the operation input as a JSON object.',
        issues: [],
      });
    },
  );
  return {
    router,
    closeEventStreams: () => {
      for (const res of open) res.end();
      open.clear();
    },
  };
}
