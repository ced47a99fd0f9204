import type { ProviderConfig } from '../../../config/model.js';
import { splitBaseUrl } from '../../http/base-url.js';
import { presentedClientKey } from '../../pipeline/authenticate-client.js';
import type { Credential } from '../anthropic/anthropic-endpoint.js';

/**
 * Where Chat Completions lives (CONFIG.md): `{base}/chat/completions` (the base includes `/v1`),
 * or for Azure OpenAI (api-version set) `{base}/openai/deployments/{model}/chat/completions?api-version=...`.
 */
export function chatCompletionsTarget(
  provider: ProviderConfig,
  model: string,
): { origin: string; path: string } {
  const { origin, prefix } = splitBaseUrl(provider.baseUrl ?? '');
  if (provider.apiVersion !== undefined) {
    const deployment = encodeURIComponent(model);
    const version = encodeURIComponent(provider.apiVersion);
    return {
      origin,
      path: `${prefix}/openai/deployments/${deployment}/chat/completions?api-version=${version}`,
    };
  }
  return { origin, path: `${prefix}/chat/completions` };
}

/**
 * Upstream headers for a translated request: only what Chat Completions understands, the
 * provider's extra headers, and its credential (`api-key` for Azure, Bearer otherwise). The
 * client's Anthropic headers mean nothing to this upstream and are not forwarded.
 */
export function chatHeaders(
  provider: ProviderConfig,
  credential: Credential,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'accept-encoding': 'identity',
  };
  for (const name in provider.headers)
    headers[name.toLowerCase()] = provider.headers[name] as string;
  const token =
    credential.kind === 'provider-key'
      ? credential.key
      : credential.kind === 'client'
        ? presentedClientKey(credential.headers)
        : credential.kind === 'oauth'
          ? credential.accessToken
          : undefined;
  if (token !== undefined) {
    if (provider.apiVersion !== undefined) headers['api-key'] = token;
    else headers['authorization'] = `Bearer ${token}`;
  }
  return headers;
}
