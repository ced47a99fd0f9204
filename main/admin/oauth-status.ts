import type { OAuthStatus } from '../../shared/domain/oauth-status.js';

/** The part of stored OAuth tokens the status needs (main/oauth/stored-tokens.ts has them all). */
export interface OAuthTokenInfo {
  readonly expiresAt: number;
  readonly account?: string | undefined;
  /** Set when a refresh was refused: the user must sign in again. */
  readonly revokedAt?: number | undefined;
}

/** Sign-in state from what is stored: nothing is signed out; a refused refresh or a past expiry is expired. */
export function oauthStatusOf(info: OAuthTokenInfo | undefined, now: number): OAuthStatus {
  if (!info) return { kind: 'signed-out' };
  if (info.revokedAt !== undefined) return { kind: 'expired', since: info.revokedAt };
  if (info.expiresAt <= now) return { kind: 'expired', since: info.expiresAt };
  return { kind: 'signed-in', expiresAt: info.expiresAt, account: info.account };
}
