import type { SignInStartView, TokenHealthView } from '../../shared/admin/views.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ProviderName } from '../../shared/domain/provider.js';
import type { Result } from '../../shared/result.js';

/**
 * What the admin service needs of OAuth sign-in (main/oauth/ behind it): the token-health panel,
 * starting and cancelling a sign-in, signing out, importing an existing login. Tokens never cross.
 */
export interface SignInPort {
  /** The lock badge: what `health(provider).status` says, without building the whole panel. */
  status(provider: ProviderName): OAuthStatus;
  health(provider: ProviderName): TokenHealthView;
  signIn(
    provider: ProviderName,
    method: 'browser' | 'device',
  ): Promise<Result<SignInStartView, AppError>>;
  cancel(provider: ProviderName): void;
  signOut(provider: ProviderName): Promise<Result<void, AppError>>;
  importLogin(
    provider: ProviderName,
    source: 'codex' | 'vandamme',
  ): Promise<Result<TokenHealthView, AppError>>;
}

/** Shown beside every Sign in button (issue: "a plain notice that subscription use is subject to the provider's terms"). */
export const SUBSCRIPTION_TERMS_NOTICE =
  "Signing in uses your own subscription through the provider's sign-in; that use is subject to the provider's terms of service. Vandamme only keeps the tokens, in your OS keychain.";
