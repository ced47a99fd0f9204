import { assertNever } from '../../../shared/assert-never.js';
import type { ProxyError } from './proxy-error.js';

/** Internal only (nginx's convention): the client closed the connection before the answer. */
export const CLIENT_CLOSED_REQUEST = 499;

/** The HTTP status a client gets for an error. */
export function statusOf(error: ProxyError): number {
  switch (error.kind) {
    case 'invalid-request':
    case 'routing':
    case 'provider-unconfigured':
    case 'conversion-unsupported':
      return 400;
    case 'client-unauthorized':
    case 'oauth-not-signed-in':
      return 401;
    case 'forbidden-host':
      return 403;
    case 'not-found':
      return 404;
    case 'body-too-large':
      return 413;
    case 'no-healthy-key':
      // Waiting does not cure an invalid key; a 429 would make SDKs retry in vain.
      return error.allInvalid ? 401 : 429;
    case 'upstream-http':
      return upstreamStatus(error.status);
    case 'upstream-network':
      return 502;
    case 'upstream-timeout':
      return 504;
    case 'client-aborted':
      return CLIENT_CLOSED_REQUEST;
    case 'internal':
      return 500;
    default:
      return assertNever(error);
  }
}

/**
 * The upstream's own status, so 401 stays 401 (with a single key there is no other key to try),
 * 429 keeps its retry semantics and 529 stays "overloaded". Anything that is not an HTTP error
 * status (classification is only called for >= 400, but be safe) becomes a bad gateway.
 */
function upstreamStatus(status: number): number {
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 502;
}

const ANTHROPIC_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Anthropic `error.type` for a status (platform.claude.com/docs/en/api/errors). */
export function anthropicErrorType(status: number): string {
  return ANTHROPIC_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

const OPENAI_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
};

/**
 * OpenAI `error.type` for a status. The API itself is loose here (its 401 says
 * invalid_request_error, its 429s say "tokens"/"requests"); SDKs dispatch on the status, so we use
 * the names of their error classes and put OpenAI's precise `code` beside it (render-openai-error).
 */
export function openaiErrorType(status: number): string {
  return OPENAI_TYPES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
}
