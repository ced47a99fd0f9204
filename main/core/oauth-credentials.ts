import type { Result } from '../../shared/result.js';

/** What a request to an OAuth provider sends: never stored by the core, never logged. */
export interface OAuthGrant {
  readonly accessToken: string;
  readonly accountId: string | undefined;
}

export interface OAuthProblem {
  readonly message: string;
  readonly fix: string;
}

/**
 * The core's view of signed-in tokens (main/oauth's TokenManager behind it): a usable token,
 * refreshed ahead of expiry, and one refresh after the upstream rejected a token.
 */
export interface OAuthCredentials {
  accessToken(provider: string): Promise<Result<OAuthGrant, OAuthProblem>>;
  onUnauthorized(
    provider: string,
    rejectedToken: string,
  ): Promise<Result<OAuthGrant, OAuthProblem>>;
}
