import type { ProviderConfig } from '../../../config/model.js';
import { splitBaseUrl } from '../../http/base-url.js';
import { presentedClientKey } from '../../pipeline/authenticate-client.js';
import type { Credential } from '../anthropic/anthropic-endpoint.js';
import type { ResponsesQuirks } from './responses-quirks.js';

/**
 * Where the Responses API lives: `{base}/responses`, e.g. `https://api.openai.com/v1/responses`
 * or `https://chatgpt.com/backend-api/codex/responses` (Codex CLI's endpoint in ChatGPT mode).
 */
export function responsesTarget(provider: ProviderConfig): { origin: string; path: string } {
  const { origin, prefix } = splitBaseUrl(provider.baseUrl ?? '');
  return { origin, path: `${prefix}/responses` };
}

function authHeaders(credential: Credential): Record<string, string> {
  switch (credential.kind) {
    case 'provider-key':
      return { authorization: `Bearer ${credential.key}` };
    case 'client': {
      const key = presentedClientKey(credential.headers);
      return key === undefined ? {} : { authorization: `Bearer ${key}` };
    }
    case 'oauth':
      // Codex CLI sends the account as `ChatGPT-Account-ID` next to the bearer token
      // (openai/codex codex-rs/codex-api/src/auth.rs `add_auth_headers_to_header_map`).
      return {
        authorization: `Bearer ${credential.accessToken}`,
        ...(credential.accountId !== undefined
          ? { 'chatgpt-account-id': credential.accountId }
          : {}),
      };
    case 'none':
      return {};
  }
}

/**
 * Upstream headers for a translated request: only what the Responses API understands, the
 * provider's fixed quirk headers, its configured extra headers, and its credential. The client's
 * Anthropic headers mean nothing to this upstream and are not forwarded.
 */
export function responsesHeaders(
  provider: ProviderConfig,
  quirks: ResponsesQuirks,
  credential: Credential,
  stream: boolean,
): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: stream ? 'text/event-stream' : 'application/json',
    'accept-encoding': 'identity',
    ...quirks.headers,
  };
  for (const name in provider.headers)
    headers[name.toLowerCase()] = provider.headers[name] as string;
  return { ...headers, ...authHeaders(credential) };
}
