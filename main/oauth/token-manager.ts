import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import { err, ok, type Result } from '../../shared/result.js';
import { oauthStatusOf } from '../admin/oauth-status.js';
import { startBrowserSignIn, type BrowserSignIn } from './browser-sign-in.js';
import { startDeviceSignIn, type DeviceSignIn } from './device-sign-in.js';
import { importLogin, type ImportSource } from './import-login.js';
import type { OAuthDeps } from './oauth-deps.js';
import { notSignedIn, type OAuthError } from './oauth-errors.js';
import type { OAuthProvider } from './oauth-provider.js';
import { refreshTokens } from './refresh.js';
import type { SignInOptions } from './sign-in-deadline.js';
import {
  deleteTokens,
  readTokens,
  recordOf,
  type SignInRecord,
  type SignInSummary,
  type StoredTokens,
} from './stored-tokens.js';

/** What a request needs to call the provider: never stored, never logged. */
export interface AccessGrant {
  readonly accessToken: string;
  readonly accountId: string | undefined;
}

/** `record` is what the token-health panel shows (no token); undefined once signed out. */
export type OAuthChangeListener = (
  provider: string,
  status: OAuthStatus,
  record: SignInRecord | undefined,
) => void;

export interface TokenManagerOptions {
  /** Refresh this long before expiry, so a request never starts with a token about to lapse. */
  readonly refreshSkewMs?: number;
  /** After sign-in, refresh, failure, sign-out and import: the UI updates its lock badges. */
  readonly onChange?: OAuthChangeListener;
}

const DEFAULT_SKEW_MS = 5 * 60 * 1000;

/**
 * One per process. Keeps each provider's tokens in memory after the first read of the
 * SecretStore, and runs at most one refresh per provider at a time (single-flight): fifty
 * requests that find the token expiring share one refresh, which matters because with rotating
 * refresh tokens (RFC 9700 section 4.14.2) a second concurrent refresh would be refused.
 */
export class TokenManager {
  readonly #providers: ReadonlyMap<string, OAuthProvider>;
  readonly #cache = new Map<string, StoredTokens | undefined>();
  readonly #loading = new Map<string, Promise<Result<StoredTokens | undefined, OAuthError>>>();
  readonly #refreshing = new Map<string, Promise<Result<StoredTokens, OAuthError>>>();
  readonly #skewMs: number;
  readonly #onChange: OAuthChangeListener | undefined;

  constructor(
    private readonly deps: OAuthDeps,
    providers: readonly OAuthProvider[],
    options: TokenManagerOptions = {},
  ) {
    this.#providers = new Map(providers.map((p) => [p.id, p]));
    this.#skewMs = options.refreshSkewMs ?? DEFAULT_SKEW_MS;
    this.#onChange = options.onChange;
  }

  /** A usable access token, refreshed first when it expires within the skew. */
  async accessToken(provider: string): Promise<Result<AccessGrant, OAuthError>> {
    const current = await this.#load(provider);
    if (!current.ok) return current;
    const tokens = current.value;
    if (!tokens) return err(notSignedIn(provider));
    if (tokens.revokedAt !== undefined) return err(this.#revokedError(provider, tokens));
    const now = this.deps.clock.now();
    if (tokens.expiresAt - this.#skewMs > now) return ok(grantOf(tokens));
    const refreshed = await this.#refresh(provider, tokens);
    if (refreshed.ok) return ok(grantOf(refreshed.value));
    // A refresh ahead of expiry that failed for a passing reason still leaves a valid token.
    const latest = this.#cache.get(provider);
    if (latest && latest.revokedAt === undefined && latest.expiresAt > this.deps.clock.now()) {
      return ok(grantOf(latest));
    }
    return refreshed;
  }

  /**
   * The provider answered 401 to `rejectedToken`: refresh once (shared by every request that saw
   * the same token), or hand out the token someone else already refreshed to.
   */
  async onUnauthorized(
    provider: string,
    rejectedToken: string,
  ): Promise<Result<AccessGrant, OAuthError>> {
    const current = await this.#load(provider);
    if (!current.ok) return current;
    const tokens = current.value;
    if (!tokens) return err(notSignedIn(provider));
    if (tokens.revokedAt !== undefined) return err(this.#revokedError(provider, tokens));
    if (tokens.accessToken !== rejectedToken) return ok(grantOf(tokens));
    const refreshed = await this.#refresh(provider, tokens);
    return refreshed.ok ? ok(grantOf(refreshed.value)) : refreshed;
  }

  async status(provider: string): Promise<OAuthStatus> {
    const current = await this.#load(provider);
    return oauthStatusOf(current.ok ? current.value : undefined, this.deps.clock.now());
  }

  async signOut(provider: string): Promise<Result<void, OAuthError>> {
    const deleted = await deleteTokens(this.deps.secrets, provider);
    if (!deleted.ok) return deleted;
    this.#changed(provider, undefined);
    return ok(undefined);
  }

  async startBrowserSignIn(
    provider: string,
    options: SignInOptions = {},
  ): Promise<Result<BrowserSignIn, OAuthError>> {
    const data = this.#provider(provider);
    if (!data.ok) return data;
    const started = await startBrowserSignIn(data.value, this.deps, options);
    if (!started.ok) return started;
    return ok({ ...started.value, done: this.#afterSignIn(provider, started.value.done) });
  }

  async startDeviceSignIn(
    provider: string,
    options: SignInOptions = {},
  ): Promise<Result<DeviceSignIn, OAuthError>> {
    const data = this.#provider(provider);
    if (!data.ok) return data;
    const started = await startDeviceSignIn(data.value, this.deps, options);
    if (!started.ok) return started;
    return ok({ ...started.value, done: this.#afterSignIn(provider, started.value.done) });
  }

  /** Copies an existing Codex CLI or vandamme-proxy login into the SecretStore, on request only. */
  async importLogin(
    provider: string,
    source: ImportSource,
    homeDir: string,
  ): Promise<Result<SignInSummary, OAuthError>> {
    const data = this.#provider(provider);
    if (!data.ok) return data;
    const imported = await importLogin(data.value, source, homeDir, this.deps);
    if (!imported.ok) return imported;
    this.#cache.delete(provider);
    const reloaded = await this.#load(provider);
    this.#changed(provider, reloaded.ok ? reloaded.value : undefined);
    return imported;
  }

  async #afterSignIn(
    provider: string,
    done: Promise<Result<SignInSummary, OAuthError>>,
  ): Promise<Result<SignInSummary, OAuthError>> {
    const result = await done;
    if (result.ok) {
      this.#cache.delete(provider);
      const reloaded = await this.#load(provider);
      this.#changed(provider, reloaded.ok ? reloaded.value : undefined);
    }
    return result;
  }

  #load(provider: string): Promise<Result<StoredTokens | undefined, OAuthError>> {
    if (this.#cache.has(provider)) return Promise.resolve(ok(this.#cache.get(provider)));
    let loading = this.#loading.get(provider);
    if (!loading) {
      loading = readTokens(this.deps.secrets, provider).then((read) => {
        this.#loading.delete(provider);
        if (read.ok) this.#cache.set(provider, read.value);
        return read;
      });
      this.#loading.set(provider, loading);
    }
    return loading;
  }

  #refresh(provider: string, tokens: StoredTokens): Promise<Result<StoredTokens, OAuthError>> {
    const inFlight = this.#refreshing.get(provider);
    if (inFlight) return inFlight;
    const data = this.#provider(provider);
    if (!data.ok) return Promise.resolve(data);
    const running = refreshTokens(data.value, tokens, this.deps).then((outcome) => {
      this.#refreshing.delete(provider);
      this.#changed(provider, outcome.stored);
      return outcome.result;
    });
    this.#refreshing.set(provider, running);
    return running;
  }

  #provider(provider: string): Result<OAuthProvider, OAuthError> {
    const data = this.#providers.get(provider);
    return data ? ok(data) : err(notSignedIn(provider));
  }

  #revokedError(provider: string, tokens: StoredTokens): OAuthError {
    return {
      kind: 'refresh-failed',
      code: undefined,
      message: `The ${provider} sign-in has expired${tokens.lastError ? ` (${tokens.lastError})` : ''}.`,
      fix: `Sign in to ${provider} again.`,
    };
  }

  #changed(provider: string, tokens: StoredTokens | undefined): void {
    this.#cache.set(provider, tokens);
    this.#onChange?.(provider, oauthStatusOf(tokens, this.deps.clock.now()), recordOf(tokens));
  }
}

function grantOf(tokens: StoredTokens): AccessGrant {
  return { accessToken: tokens.accessToken, accountId: tokens.accountId };
}
