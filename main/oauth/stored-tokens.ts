import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { secretStoreFailed, type OAuthError } from './oauth-errors.js';

/**
 * One SecretStore account per provider, `oauth/<provider>`, holding this JSON. The names are a
 * contract: `main/secrets/app-secrets.ts` reads `expiresAt`, `account` and `revokedAt` for the UI.
 */
export const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  idToken: z.string().optional(),
  accountId: z.string().optional(),
  /** E-mail from the id_token, for "signed in as ...". */
  account: z.string().optional(),
  /** Epoch ms when the access token expires. */
  expiresAt: z.number(),
  lastRefresh: z.number().optional(),
  lastError: z.string().optional(),
  /** Epoch ms when a refresh was refused: the user must sign in again. */
  revokedAt: z.number().optional(),
});

export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** What may leave the main process about a sign-in: no token, ever. */
export interface SignInSummary {
  readonly provider: string;
  readonly account: string | undefined;
  readonly accountId: string | undefined;
  readonly expiresAt: number;
}

/** Stored tokens minus the tokens: what the token-health panel may know. */
export type SignInRecord = Omit<StoredTokens, 'accessToken' | 'refreshToken' | 'idToken'>;

export function recordOf(tokens: StoredTokens | undefined): SignInRecord | undefined {
  if (!tokens) return undefined;
  const { accessToken: _a, refreshToken: _r, idToken: _i, ...record } = tokens;
  return record;
}

export const accountOf = (provider: string): string => `oauth/${provider}`;

export function summaryOf(provider: string, tokens: StoredTokens): SignInSummary {
  return {
    provider,
    account: tokens.account,
    accountId: tokens.accountId,
    expiresAt: tokens.expiresAt,
  };
}

/** `undefined` when nothing (or something unreadable) is stored: both mean "sign in". */
export async function readTokens(
  store: SecretStore,
  provider: string,
): Promise<Result<StoredTokens | undefined, OAuthError>> {
  const raw = await store.get(accountOf(provider));
  if (!raw.ok) return err(secretStoreFailed(raw.error));
  if (raw.value === undefined) return ok(undefined);
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(raw.value));
    return ok(parsed.success ? parsed.data : undefined);
  } catch {
    return ok(undefined);
  }
}

export async function writeTokens(
  store: SecretStore,
  provider: string,
  tokens: StoredTokens,
): Promise<Result<void, OAuthError>> {
  const written = await store.set(accountOf(provider), JSON.stringify(tokens));
  return written.ok ? ok(undefined) : err(secretStoreFailed(written.error));
}

export async function deleteTokens(
  store: SecretStore,
  provider: string,
): Promise<Result<void, OAuthError>> {
  const deleted = await store.delete(accountOf(provider));
  return deleted.ok ? ok(undefined) : err(secretStoreFailed(deleted.error));
}
