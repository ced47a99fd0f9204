import { describeError } from './describe-error.js';
import { openaiErrorType, statusOf } from './http-status.js';
import { clientRetryHeaders } from './client-retry-headers.js';
import type { ProxyError } from './proxy-error.js';

export interface OpenAIErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: null;
    readonly code: string | null;
  };
}

export interface RenderedOpenAIError {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: OpenAIErrorBody;
}

/**
 * OpenAI's machine-readable `code` where it has one for the situation (openai-chat-nonstream-and-
 * errors.txt): clients branch on invalid_api_key, rate_limit_exceeded and insufficient_quota.
 */
function codeOf(error: ProxyError, status: number): string | null {
  switch (error.kind) {
    case 'client-unauthorized':
      return 'invalid_api_key';
    case 'no-healthy-key':
      return error.allInvalid ? 'invalid_api_key' : 'rate_limit_exceeded';
    case 'upstream-http':
      if (error.quota) return 'insufficient_quota';
      return error.upstreamCode ?? (status === 429 ? 'rate_limit_exceeded' : null);
    default:
      return null;
  }
}

/** An error as the OpenAI API would send it: `{error: {message, type, param, code}}`. */
export function renderOpenAIError(error: ProxyError, requestId: string): RenderedOpenAIError {
  const status = statusOf(error);
  const code = codeOf(error, status);
  // OpenAI types exhausted quota as insufficient_quota, not as a rate limit (a different remedy).
  const type = code === 'insufficient_quota' ? 'insufficient_quota' : openaiErrorType(status);
  // `x-request-id` is where openai-node looks for the request id.
  const headers = { ...clientRetryHeaders(error), 'x-request-id': requestId };
  return {
    status,
    headers,
    body: { error: { message: describeError(error), type, param: null, code } },
  };
}
