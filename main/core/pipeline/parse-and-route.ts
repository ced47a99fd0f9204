import { err, ok, type Result } from '../../../shared/result.js';
import type { ProxyDeps } from '../proxy-deps.js';
import type { RequestContext } from '../request-context.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { parseClientRequest, type ParsedRequest, type RequestShape } from './parse-request.js';
import { resolveRoute, type Route } from './resolve-route.js';

/**
 * The first steps of every proxied request: the body's shape checked, the model resolved, and
 * what was learned written into the request's record (for logs, metrics and activity).
 */
export function parseAndRoute(
  deps: ProxyDeps,
  ctx: RequestContext,
  body: Buffer,
  shape: RequestShape,
): Result<{ readonly parsed: ParsedRequest; readonly route: Route }, ProxyError> {
  const { record } = ctx;
  const parsed = parseClientRequest(body, shape);
  if (!parsed.ok) return parsed;
  record.requestedModel = parsed.value.model;
  record.stream = parsed.value.stream;
  const route = resolveRoute(deps.config(), parsed.value.model);
  if (!route.ok) {
    record.trace = route.error.trace;
    return err(route.error.error);
  }
  record.trace = route.value.trace;
  record.provider = route.value.provider.name;
  record.model = route.value.model;
  return ok({ parsed: parsed.value, route: route.value });
}
