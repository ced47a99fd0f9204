import type { ProviderConfig } from '../../../config/model.js';
import { splitBaseUrl } from '../../http/base-url.js';
import { forwardableRequestHeaders, type HeaderBag } from '../../http/hop-by-hop.js';

export type Credential =
  | { readonly kind: 'provider-key'; readonly key: string }
  /** `!PASSTHRU`: the client's own credentials go upstream unchanged. */
  | { readonly kind: 'client'; readonly headers: HeaderBag }
  /** Keyless endpoints (local servers). */
  | { readonly kind: 'none' }
  /** A signed-in subscription (ChatGPT): a bearer access token and, for ChatGPT, the account id. */
  | {
      readonly kind: 'oauth';
      readonly accessToken: string;
      readonly accountId: string | undefined;
    };

/**
 * Where `{base}/v1/messages` is (base is the host root for Anthropic-format providers, possibly
 * with a path prefix such as `https://api.z.ai/api/anthropic`, CONFIG.md), as origin and path.
 */
export function anthropicTarget(
  provider: ProviderConfig,
  path: string,
  search: string,
): { origin: string; path: string } {
  const { origin, prefix } = splitBaseUrl(provider.baseUrl ?? '');
  return { origin, path: `${prefix}${path}${search}` };
}

function clientCredentialHeaders(headers: HeaderBag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['x-api-key', 'authorization'] as const) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/**
 * The upstream request headers: the client's end-to-end headers (anthropic-version and
 * anthropic-beta among them, TRANSLATION.md passthrough), the provider's extra headers, and the
 * provider's credential in place of the client's.
 */
export function anthropicHeaders(
  provider: ProviderConfig,
  clientHeaders: HeaderBag,
  credential: Credential,
): Record<string, string> {
  const headers = forwardableRequestHeaders(clientHeaders);
  headers['accept-encoding'] = 'identity';
  headers['content-type'] = 'application/json';
  headers['anthropic-version'] ??= '2023-06-01';
  for (const name in provider.headers)
    headers[name.toLowerCase()] = provider.headers[name] as string;
  switch (credential.kind) {
    case 'provider-key':
      headers['x-api-key'] = credential.key;
      break;
    case 'client':
      Object.assign(headers, clientCredentialHeaders(credential.headers));
      break;
    case 'oauth':
      headers['authorization'] = `Bearer ${credential.accessToken}`;
      break;
    case 'none':
      break;
  }
  return headers;
}
