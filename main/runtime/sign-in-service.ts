import type { SignInStartView, TokenHealthView } from '../../shared/admin/views.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ProviderName } from '../../shared/domain/provider.js';
import { err, ok, type Result } from '../../shared/result.js';
import { oauthStatusOf } from '../admin/oauth-status.js';
import type { SignInPort } from '../admin/sign-in-port.js';
import type { Clock } from '../core/clock.js';
import type { OAuthError } from '../oauth/oauth-errors.js';
import { readTokens, recordOf, type SignInRecord } from '../oauth/stored-tokens.js';
import type { TokenManager } from '../oauth/token-manager.js';
import type { SecretStore } from '../secrets/secret-store.js';

/** A sign-in lasts at most this long before it gives up by itself. */
const SIGN_IN_TIMEOUT_MS = 10 * 60 * 1000;

type Pending = NonNullable<TokenHealthView['pending']>;

interface Health {
  readonly tokens: SignInRecord | undefined;
  readonly lastError: string | undefined;
}

export interface SignInServiceDeps {
  readonly tokens: TokenManager;
  readonly secrets: SecretStore | undefined;
  /** Why there is no secret store, when there is none: sign-in is refused with it. */
  readonly unavailable: { readonly reason: string; readonly fix: string } | undefined;
  /** OAuth providers with sign-in data (the config may name others). */
  readonly known: ReadonlySet<string>;
  readonly clock: Clock;
  readonly homeDir: string;
  /** The lock badges and the token panel changed. */
  readonly changed: () => void;
  /** True when starting a browser sign-in opens the system browser (the desktop app). */
  readonly browserOpens: boolean;
}

function appError(error: OAuthError): AppError {
  return { kind: 'conflict', message: error.message, fix: error.fix };
}

/**
 * The admin side of sign-in over the TokenManager: starts and cancels sign-ins, keeps what the
 * token-health panel shows (never a token) in memory, and announces every change.
 */
export class SignInService implements SignInPort {
  readonly #health = new Map<string, Health>();
  readonly #pending = new Map<
    string,
    { view: Pending; abort: AbortController; finished: Promise<void> }
  >();

  constructor(private readonly deps: SignInServiceDeps) {}

  /** Reads a provider's stored sign-in once, at start; later changes arrive through `apply`. */
  async load(provider: string): Promise<void> {
    if (!this.deps.secrets) return;
    const read = await readTokens(this.deps.secrets, provider);
    this.#health.set(provider, {
      tokens: read.ok ? recordOf(read.value) : undefined,
      lastError: read.ok ? read.value?.lastError : read.error.message,
    });
  }

  /** The token manager's news (sign-in, refresh, refusal, sign-out, import), kept for the panel. */
  apply(provider: string, record: SignInRecord | undefined): void {
    this.#health.set(provider, { tokens: record, lastError: record?.lastError });
    this.deps.changed();
  }

  status(provider: string): OAuthStatus {
    const tokens = this.#health.get(provider)?.tokens;
    return oauthStatusOf(tokens, this.deps.clock.now());
  }

  health(provider: ProviderName): TokenHealthView {
    const health = this.#health.get(provider);
    return {
      name: provider,
      status: this.status(provider),
      account: health?.tokens?.account ?? null,
      expiresAt: health?.tokens?.expiresAt ?? null,
      lastRefresh: health?.tokens?.lastRefresh ?? null,
      lastError: health?.lastError ?? health?.tokens?.lastError ?? null,
      pending: this.#pending.get(provider)?.view ?? null,
    };
  }

  async signIn(
    provider: ProviderName,
    method: 'browser' | 'device',
  ): Promise<Result<SignInStartView, AppError>> {
    const refused = this.#refusal(provider);
    if (refused) return err(refused);
    this.cancel(provider);
    const abort = new AbortController();
    const options = { signal: abort.signal, timeoutMs: SIGN_IN_TIMEOUT_MS };
    if (method === 'browser') {
      const started = await this.deps.tokens.startBrowserSignIn(provider, options);
      if (!started.ok) return err(appError(started.error));
      this.#track(
        provider,
        { kind: 'browser', authorizeUrl: started.value.authorizeUrl },
        abort,
        started.value.done,
      );
      return ok({
        kind: 'browser',
        authorizeUrl: started.value.authorizeUrl,
        browserOpened: this.deps.browserOpens,
      });
    }
    const started = await this.deps.tokens.startDeviceSignIn(provider, options);
    if (!started.ok) return err(appError(started.error));
    const { userCode, verificationUri, expiresAt } = started.value;
    this.#track(
      provider,
      { kind: 'device', userCode, verificationUri, expiresAt },
      abort,
      started.value.done,
    );
    return ok({
      kind: 'device',
      userCode,
      verificationUri,
      verificationUriComplete: started.value.verificationUriComplete ?? null,
      expiresAt,
    });
  }

  cancel(provider: ProviderName): void {
    this.#pending.get(provider)?.abort.abort();
    this.#pending.delete(provider);
  }

  async signOut(provider: ProviderName): Promise<Result<void, AppError>> {
    this.cancel(provider);
    const out = await this.deps.tokens.signOut(provider);
    return out.ok ? ok(undefined) : err(appError(out.error));
  }

  async importLogin(
    provider: ProviderName,
    source: 'codex' | 'vandamme',
  ): Promise<Result<TokenHealthView, AppError>> {
    const refused = this.#refusal(provider);
    if (refused) return err(refused);
    const imported = await this.deps.tokens.importLogin(provider, source, this.deps.homeDir);
    return imported.ok ? ok(this.health(provider)) : err(appError(imported.error));
  }

  #track(
    provider: string,
    view: Pending,
    abort: AbortController,
    done: Promise<Result<unknown, OAuthError>>,
  ): void {
    const finished = done.then(async (result) => {
      // A sign-in that worked was already applied by the token manager's change.
      if (this.#pending.get(provider)?.abort === abort) this.#pending.delete(provider);
      if (!result.ok && result.error.kind !== 'cancelled') {
        const health = this.#health.get(provider);
        this.#health.set(provider, { tokens: health?.tokens, lastError: result.error.message });
      }
      this.deps.changed();
    });
    this.#pending.set(provider, { view, abort, finished });
    this.deps.changed();
  }

  /** For the terminal: resolves when the sign-in started last ends, however it ends. */
  async waitForSignIn(
    provider: ProviderName,
  ): Promise<TokenHealthView & { readonly store: string }> {
    await this.#pending.get(provider)?.finished;
    return { ...this.health(provider), store: this.deps.secrets?.description ?? 'no store' };
  }

  #refusal(provider: string): AppError | undefined {
    if (this.deps.unavailable) {
      return {
        kind: 'secret-store-unavailable',
        message: `Sign-in tokens cannot be stored: ${this.deps.unavailable.reason}.`,
        fix: this.deps.unavailable.fix,
      };
    }
    if (!this.deps.known.has(provider)) {
      return {
        kind: 'conflict',
        message: `Vandamme does not know how to sign in to "${provider}".`,
        fix: 'Sign-in is available for: ' + [...this.deps.known].join(', ') + '.',
      };
    }
    return undefined;
  }
}
