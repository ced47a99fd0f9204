import type { ProxyError } from '../../errors/proxy-error.js';
import { isObject } from '../json-narrowing.js';
import { chunkErrorToProxyError } from '../openai-chat/stream-error.js';

/** `response.failed`: the failed response's `error` ({code, message}), or a generic failure. */
export function responseFailure(error: unknown, provider: string): ProxyError {
  return chunkErrorToProxyError(
    isObject(error) ? error : { message: 'the upstream reported the response as failed' },
    provider,
  );
}

/**
 * An `error` event comes in two shapes (openai-responses-stream-tools.txt 3 and 4): flat
 * `{type:"error", code, message, param}` as the SDK types it, and nested `{type:"error",
 * error:{type, code, message}}` as the live API sends it; openai-node reads `data.error ?? data`.
 */
export function errorEventToProxyError(data: unknown, provider: string): ProxyError {
  const inner = isObject(data) && isObject(data.error) ? data.error : data;
  return chunkErrorToProxyError(inner, provider);
}
