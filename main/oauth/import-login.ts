import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../../shared/result.js';
import { decodeIdToken, jwtExpiresAt } from './id-token.js';
import type { OAuthDeps } from './oauth-deps.js';
import { importInvalid, importNotFound, type OAuthError } from './oauth-errors.js';
import type { OAuthProvider } from './oauth-provider.js';
import { summaryOf, writeTokens, type SignInSummary, type StoredTokens } from './stored-tokens.js';

export type ImportSource = 'codex' | 'vandamme';

const tokenFields = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  id_token: z.string().optional(),
  account_id: z.string().nullish(),
  /** vandamme-proxy writes an ISO time; Codex does not store one. */
  expires_at: z.string().nullish(),
});

/** Codex CLI `auth.json` (openai/codex `AuthDotJson`): tokens nested, plus `last_refresh`. */
const nestedFile = z.object({ tokens: tokenFields, last_refresh: z.string().nullish() });
/** vandamme-proxy `~/.vandamme/oauth/<provider>/auth.json` (`AuthData.to_dict`): flat. */
const flatFile = tokenFields.extend({ last_refresh: z.string().nullish() });

export function importPathOf(source: ImportSource, provider: string, homeDir: string): string {
  return source === 'codex'
    ? join(homeDir, '.codex', 'auth.json')
    : join(homeDir, '.vandamme', 'oauth', provider, 'auth.json');
}

/**
 * Reads another tool's login once, on the user's explicit request, and keeps a copy in the
 * SecretStore; the original file is left as it is (it is that tool's). Without a known expiry the
 * copy is stored as already due, so the first use refreshes it and proves it still works.
 */
export async function importLogin(
  provider: OAuthProvider,
  source: ImportSource,
  homeDir: string,
  deps: Pick<OAuthDeps, 'secrets' | 'clock'>,
): Promise<Result<SignInSummary, OAuthError>> {
  const path = importPathOf(source, provider.id, homeDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ENOENT') return err(importNotFound(path));
    return err(importInvalid(path, `it cannot be read (${String(code ?? 'unknown error')})`));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(importInvalid(path, 'it is not JSON'));
  }
  const nested = nestedFile.safeParse(json);
  const flat = nested.success ? undefined : flatFile.safeParse(json);
  const fields = nested.success ? nested.data.tokens : flat?.success ? flat.data : undefined;
  if (!fields) return err(importInvalid(path, 'it holds no ChatGPT tokens (access and refresh)'));
  const lastRefresh = nested.success ? nested.data.last_refresh : flat?.data?.last_refresh;
  const tokens = storedFrom(provider, fields, lastRefresh, deps.clock.now());
  const written = await writeTokens(deps.secrets, provider.id, tokens);
  return written.ok ? ok(summaryOf(provider.id, tokens)) : written;
}

function storedFrom(
  provider: OAuthProvider,
  fields: z.infer<typeof tokenFields>,
  lastRefresh: string | null | undefined,
  now: number,
): StoredTokens {
  const claims = fields.id_token ? decodeIdToken(fields.id_token, provider) : undefined;
  const accountId = fields.account_id ?? claims?.accountId;
  const expiresAt = timeOf(fields.expires_at) ?? jwtExpiresAt(fields.access_token) ?? now;
  const refreshedAt = timeOf(lastRefresh);
  return {
    accessToken: fields.access_token,
    refreshToken: fields.refresh_token,
    ...(fields.id_token ? { idToken: fields.id_token } : {}),
    ...(accountId ? { accountId } : {}),
    ...(claims?.email ? { account: claims.email } : {}),
    expiresAt,
    ...(refreshedAt === undefined ? {} : { lastRefresh: refreshedAt }),
  };
}

function timeOf(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
