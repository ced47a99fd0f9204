import { createHash, timingSafeEqual } from 'node:crypto';
import type { HeaderBag } from '../http/hop-by-hop.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function single(value: string | readonly string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : (value as string | undefined);
}

/** The key a client presented, as `x-api-key` or `Authorization: Bearer` (CONFIG.md PROXY_API_KEY). */
export function presentedClientKey(headers: HeaderBag): string | undefined {
  const apiKey = single(headers['x-api-key']);
  if (apiKey) return apiKey;
  const auth = single(headers['authorization']);
  const match = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return match?.[1]?.trim();
}

/** Constant-time comparison (hashes first, so lengths leak nothing either). */
export function clientKeyMatches(headers: HeaderBag, proxyApiKey: string): boolean {
  const presented = presentedClientKey(headers);
  if (presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(proxyApiKey));
}
