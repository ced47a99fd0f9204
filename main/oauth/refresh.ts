import { err, ok, type Result } from '../../shared/result.js';
import type { OAuthDeps } from './oauth-deps.js';
import { refreshFailed, tokenEndpoint, type OAuthError } from './oauth-errors.js';
import { endpointOf, type OAuthProvider } from './oauth-provider.js';
import { writeTokens, type StoredTokens } from './stored-tokens.js';
import { requestTokens } from './token-endpoint.js';
import { tokensFromResponse } from './token-set.js';

/** A hung token endpoint must not hold every waiting request forever. */
const REFRESH_TIMEOUT_MS = 30_000;

export interface RefreshOutcome {
  readonly result: Result<StoredTokens, OAuthError>;
  /** What is now stored (new tokens, or the old ones marked with the failure). */
  readonly stored: StoredTokens;
}

/**
 * One refresh_token grant (RFC 6749 section 6). A refusal by the server (4xx with an OAuth error,
 * typically invalid_grant: revoked, expired or already rotated) marks the sign-in revoked so every
 * surface shows "expired"; a network or 5xx failure only records `lastError` and may be retried.
 */
export async function refreshTokens(
  provider: OAuthProvider,
  tokens: StoredTokens,
  deps: OAuthDeps,
): Promise<RefreshOutcome> {
  const answer = await requestTokens(
    deps.fetch,
    endpointOf(provider, provider.tokenPath),
    {
      grant_type: 'refresh_token',
      refresh_token: tokens.refreshToken,
      client_id: provider.clientId,
    },
    AbortSignal.timeout(REFRESH_TIMEOUT_MS),
  );
  const now = deps.clock.now();
  if (answer.ok) {
    const fresh = tokensFromResponse(provider, answer.value, tokens, now);
    if (fresh) {
      // The old refresh token may already be dead (rotation): keep the new one in memory even if
      // the store refuses it, and say so, rather than lose the sign-in.
      const written = await writeTokens(deps.secrets, provider.id, fresh);
      const stored = written.ok ? fresh : { ...fresh, lastError: written.error.message };
      return { result: ok(stored), stored };
    }
  }
  const cause = answer.ok
    ? tokenEndpoint(200, undefined, 'no access token in the answer')
    : answer.error;
  const error = refreshFailed(provider.displayName, cause);
  const refused =
    cause.kind === 'token-endpoint' &&
    cause.status >= 400 &&
    cause.status < 500 &&
    cause.code !== undefined;
  const stored: StoredTokens = {
    ...tokens,
    lastError: error.message,
    ...(refused ? { revokedAt: now } : {}),
  };
  await writeTokens(deps.secrets, provider.id, stored);
  return { result: err(error), stored };
}
