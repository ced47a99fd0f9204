import { describeError } from './describe-error.js';
import { anthropicErrorType, statusOf } from './http-status.js';
import { clientRetryHeaders } from './client-retry-headers.js';
import type { ProxyError } from './proxy-error.js';

export interface AnthropicErrorBody {
  readonly type: 'error';
  readonly error: { readonly type: string; readonly message: string };
  readonly request_id: string;
}

export interface RenderedAnthropicError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: AnthropicErrorBody;
}

function bodyOf(error: ProxyError, status: number, requestId: string): AnthropicErrorBody {
  // The type follows the status (Anthropic's table), so an upstream's 400 stays invalid_request_error
  // and an OpenAI-shaped 401 ("invalid_request_error" there) becomes authentication_error here.
  return {
    type: 'error',
    error: { type: anthropicErrorType(status), message: describeError(error) },
    request_id: requestId,
  };
}

/** An error as the Anthropic API would send it (platform.claude.com/docs/en/api/errors). */
export function renderAnthropicError(error: ProxyError, requestId: string): RenderedAnthropicError {
  const status = statusOf(error);
  // `request-id` is where the Anthropic SDK looks for APIError.requestID.
  const headers = { ...clientRetryHeaders(error), 'request-id': requestId };
  return { status, headers, body: bodyOf(error, status, requestId) };
}

/**
 * The SSE frame for a failure after the stream started (HTTP 200 already sent): `event: error`
 * then the end of the stream, as Anthropic does (TRANSLATION.md; the SDK dispatches on the event
 * name). JSON.stringify keeps the data on one line, as SSE requires.
 */
export function anthropicStreamErrorEvent(error: ProxyError, requestId: string): string {
  return `event: error\ndata: ${JSON.stringify(bodyOf(error, statusOf(error), requestId))}\n\n`;
}
