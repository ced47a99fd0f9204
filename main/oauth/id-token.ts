import type { OAuthProvider } from './oauth-provider.js';

export interface IdTokenClaims {
  readonly email: string | undefined;
  readonly accountId: string | undefined;
  /** Epoch ms from `exp`, used only when the token response lacks `expires_in`. */
  readonly expiresAt: number | undefined;
}

/**
 * Reads the id_token payload WITHOUT verifying its signature. That is sound here because we only
 * ever decode an id_token we received ourselves, directly from the provider's token endpoint over
 * TLS (OpenID Connect Core section 3.1.3.7, point 6: TLS server validation may replace signature
 * checks for tokens from the token endpoint), and we use it for display (e-mail) and for the account
 * id header the same server checks again. Never call this on a token that arrived another way.
 */
export function decodeIdToken(idToken: string, provider: OAuthProvider): IdTokenClaims {
  const payload = decodePayload(idToken);
  const email = typeof payload?.['email'] === 'string' ? payload['email'] : undefined;
  const exp = typeof payload?.['exp'] === 'number' ? payload['exp'] * 1000 : undefined;
  return { email, accountId: accountIdOf(payload, provider), expiresAt: exp };
}

function accountIdOf(
  payload: Record<string, unknown> | undefined,
  provider: OAuthProvider,
): string | undefined {
  const claim = provider.accountIdClaim;
  if (!payload || !claim) return undefined;
  const namespace = payload[claim.namespace];
  if (typeof namespace !== 'object' || namespace === null) return undefined;
  const value = (namespace as Record<string, unknown>)[claim.key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Epoch ms of a JWT's `exp`, for scheduling a refresh of an imported login (not for trust). */
export function jwtExpiresAt(jwt: string): number | undefined {
  const exp = decodePayload(jwt)?.['exp'];
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

function decodePayload(jwt: string): Record<string, unknown> | undefined {
  const part = jwt.split('.')[1];
  if (!part) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
