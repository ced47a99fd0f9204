/**
 * Sign-in state of an OAuth provider (`!OAUTH`), as every surface shows it: the lock badge in the
 * window, the 🔐 in the tray and `vdm providers`. Tokens themselves never leave the main process.
 */
export type OAuthStatus =
  | { readonly kind: 'signed-out' }
  | {
      readonly kind: 'signed-in';
      /** Epoch ms when the access token expires; it is refreshed before then. */
      readonly expiresAt: number;
      /** E-mail or account id when the provider tells us, for "signed in as ...". */
      readonly account: string | undefined;
    }
  /** The refresh failed or was revoked: the user must sign in again. */
  | { readonly kind: 'expired'; readonly since: number };
