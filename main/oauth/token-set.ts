import { err, ok, type Result } from '../../shared/result.js';
import { decodeIdToken } from './id-token.js';
import type { OAuthDeps } from './oauth-deps.js';
import { tokenEndpoint, type OAuthError } from './oauth-errors.js';
import type { OAuthProvider } from './oauth-provider.js';
import { summaryOf, writeTokens, type SignInSummary, type StoredTokens } from './stored-tokens.js';
import type { TokenResponse } from './token-endpoint.js';

/** When the server omits `expires_in` (it is only RECOMMENDED, RFC 6749 section 5.1). */
const DEFAULT_LIFETIME_MS = 60 * 60 * 1000;

/**
 * What to store after a token response. On refresh, RFC 6749 section 6 lets the server keep the
 * old refresh token (no `refresh_token` in the answer) or rotate it (RFC 9700 section 4.14.2):
 * we keep the new one when given, else the old. OIDC Core 12.2: a refresh may omit the id_token,
 * so the account fields carry over from `previous`.
 */
export function tokensFromResponse(
  provider: OAuthProvider,
  response: TokenResponse,
  previous: StoredTokens | undefined,
  now: number,
): StoredTokens | undefined {
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  if (refreshToken === undefined) return undefined;
  const idToken = response.id_token ?? previous?.idToken;
  const claims = idToken === undefined ? undefined : decodeIdToken(idToken, provider);
  const accountId = claims?.accountId ?? previous?.accountId;
  const account = claims?.email ?? previous?.account;
  return {
    accessToken: response.access_token,
    refreshToken,
    ...(idToken === undefined ? {} : { idToken }),
    ...(accountId === undefined ? {} : { accountId }),
    ...(account === undefined ? {} : { account }),
    expiresAt:
      response.expires_in === undefined
        ? now + DEFAULT_LIFETIME_MS
        : now + response.expires_in * 1000,
    lastRefresh: now,
  };
}

/** The last step of every sign-in: keep the new tokens, hand back what may be shown. */
export async function storeSignIn(
  provider: OAuthProvider,
  deps: Pick<OAuthDeps, 'secrets' | 'clock'>,
  response: TokenResponse,
): Promise<Result<SignInSummary, OAuthError>> {
  const tokens = tokensFromResponse(provider, response, undefined, deps.clock.now());
  if (!tokens) {
    return err(tokenEndpoint(200, undefined, 'no refresh_token: was offline_access granted?'));
  }
  const written = await writeTokens(deps.secrets, provider.id, tokens);
  return written.ok ? ok(summaryOf(provider.id, tokens)) : written;
}
