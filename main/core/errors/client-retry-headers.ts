import type { ProxyError } from './proxy-error.js';

function retryAfterOf(error: ProxyError): number | undefined {
  if (error.kind === 'upstream-http') return error.retryAfterMs;
  if (error.kind === 'no-healthy-key' && !error.allInvalid) return error.retryAfterMs;
  return undefined;
}

/**
 * Retry signals for the client, in the headers both official SDKs read (anthropic-sdk-typescript
 * and openai-node client.ts: x-should-retry first, then retry-after-ms, then retry-after):
 * retry-after in whole seconds (RFC 9110, rounded up so nobody comes back early), retry-after-ms
 * for precision, and `x-should-retry: false` for exhausted quota, which no retry cures.
 */
export function clientRetryHeaders(error: ProxyError): Record<string, string> {
  const headers: Record<string, string> = {};
  const ms = retryAfterOf(error);
  if (ms !== undefined && Number.isFinite(ms) && ms >= 0) {
    headers['retry-after'] = String(Math.ceil(ms / 1000));
    headers['retry-after-ms'] = String(Math.round(ms));
  }
  if (error.kind === 'upstream-http' && error.quota) headers['x-should-retry'] = 'false';
  return headers;
}
