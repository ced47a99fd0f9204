import type { ProxyError } from '../../errors/proxy-error.js';
import { isObject, isString } from '../json-narrowing.js';

/** The HTTP status each Anthropic error type stands for (Anthropic "Errors" docs). */
const STATUS_BY_TYPE: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/**
 * An Anthropic `event: error` received after HTTP 200 -> ProxyError, keeping the status its type
 * implies so the client sees "overloaded" rather than a generic 500.
 */
export function anthropicStreamErrorToProxyError(data: unknown, provider: string): ProxyError {
  const error = isObject(data) ? data.error : undefined;
  const type = isObject(error) && isString(error.type) ? error.type : undefined;
  const message = isObject(error) && isString(error.message) ? error.message : undefined;
  return {
    kind: 'upstream-http',
    provider,
    status: (type === undefined ? undefined : STATUS_BY_TYPE[type]) ?? 500,
    upstreamType: type,
    upstreamCode: undefined,
    message: message ?? 'the upstream reported an error in the middle of the stream',
    retryAfterMs: undefined,
    quota: type === 'billing_error',
  };
}
