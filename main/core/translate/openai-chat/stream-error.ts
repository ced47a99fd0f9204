import { extractUpstreamError } from '../../errors/extract-upstream-error.js';
import type { ProxyError } from '../../errors/proxy-error.js';

/** Named OpenAI codes that say more than a plain 500 (openai-chat-nonstream-and-errors.txt). */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  rate_limit_exceeded: 429,
  insufficient_quota: 429,
  context_length_exceeded: 400,
  invalid_request_error: 400,
  content_filter: 400,
};

function numericStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, status } = error as { readonly code?: unknown; readonly status?: unknown };
  // Google and Azure put the HTTP status in `code` (a number, or a string such as "429").
  for (const candidate of [code, status]) {
    const value = typeof candidate === 'string' ? Number(candidate) : candidate;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 400 && value <= 599) {
      return value;
    }
  }
  return undefined;
}

/**
 * The ProxyError for a chunk carrying `error` after HTTP 200 (OpenAI sends `data: {"error":{...}}`
 * mid-stream; openai-node throws on it). The HTTP status was 200, so it is 500 unless a code says
 * otherwise.
 */
export function chunkErrorToProxyError(error: unknown, provider: string): ProxyError {
  const info = extractUpstreamError(JSON.stringify({ error }), {});
  const named = info.code === undefined ? undefined : STATUS_BY_CODE[info.code];
  const quota = info.code === 'insufficient_quota' || info.type === 'insufficient_quota';
  return {
    kind: 'upstream-http',
    provider,
    status: numericStatus(error) ?? named ?? 500,
    upstreamType: info.type,
    upstreamCode: info.code,
    message: info.message ?? 'the upstream reported an error in the middle of the stream',
    retryAfterMs: undefined,
    quota,
  };
}
