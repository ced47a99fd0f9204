import type { SecretError } from '../secrets/secret-store.js';

/**
 * Everything that can go wrong in sign-in, refresh or import. Each says what happened and what to
 * do; none ever carries a token (the token-endpoint variant keeps status and OAuth error code only).
 */
export type OAuthError =
  | (ErrorBase<'ports-busy'> & { readonly ports: readonly number[] })
  | ErrorBase<'state-mismatch'>
  | (ErrorBase<'denied'> & { readonly code: string })
  | ErrorBase<'timeout'>
  | ErrorBase<'cancelled'>
  | (ErrorBase<'token-endpoint'> & {
      readonly status: number;
      readonly code: string | undefined;
      readonly description: string | undefined;
    })
  | ErrorBase<'network'>
  | ErrorBase<'device-expired'>
  | ErrorBase<'device-unsupported'>
  | (ErrorBase<'refresh-failed'> & { readonly code: string | undefined })
  | ErrorBase<'not-signed-in'>
  | (ErrorBase<'import-not-found'> & { readonly path: string })
  | (ErrorBase<'import-invalid'> & { readonly path: string })
  | (ErrorBase<'secret-store'> & { readonly cause: SecretError });

interface ErrorBase<K extends string> {
  readonly kind: K;
  readonly message: string;
  readonly fix: string;
}

export type OAuthErrorKind = OAuthError['kind'];

export const portsBusy = (ports: readonly number[]): OAuthError => ({
  kind: 'ports-busy',
  ports,
  message: `Cannot receive the sign-in: ports ${ports.join(' and ')} on 127.0.0.1 are in use.`,
  fix: `Close what uses port ${ports.join(' or ')} (often another sign-in, such as "codex login"), or use device sign-in or import the login.`,
});

export const stateMismatch = (): OAuthError => ({
  kind: 'state-mismatch',
  message:
    'The sign-in answer did not belong to this sign-in (state mismatch); it was ignored for your safety.',
  fix: 'Start the sign-in again and finish it in the browser tab it opens.',
});

export const denied = (code: string, description: string | undefined): OAuthError => ({
  kind: 'denied',
  code,
  message: `The sign-in was refused (${code}${description ? `: ${description}` : ''}).`,
  fix: 'Start the sign-in again and approve access in the browser.',
});

export const timedOut = (what: string, ms: number): OAuthError => ({
  kind: 'timeout',
  message: `${what} was not finished within ${Math.round(ms / 1000)} s.`,
  fix: 'Start the sign-in again and finish it in the browser.',
});

export const cancelled = (): OAuthError => ({
  kind: 'cancelled',
  message: 'The sign-in was cancelled.',
  fix: 'Start it again when you are ready.',
});

export const tokenEndpoint = (
  status: number,
  code: string | undefined,
  description: string | undefined,
): OAuthError => ({
  kind: 'token-endpoint',
  status,
  code,
  description,
  message: `The token endpoint answered HTTP ${status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}.`,
  fix:
    code === 'invalid_grant'
      ? 'The code or sign-in is no longer valid: sign in again.'
      : 'Try again; if it persists, check the provider status page.',
});

export const network = (what: string, code: string | undefined): OAuthError => ({
  kind: 'network',
  message: `Could not reach the sign-in server (${what}${code ? `, ${code}` : ''}).`,
  fix: 'Check the network connection or proxy settings, then try again.',
});

export const deviceExpired = (): OAuthError => ({
  kind: 'device-expired',
  message: 'The device code expired before it was approved.',
  fix: 'Start the device sign-in again and enter the new code within its time limit.',
});

export const deviceUnsupported = (provider: string, reason: string): OAuthError => ({
  kind: 'device-unsupported',
  message: `${provider} does not offer device sign-in here: ${reason}`,
  fix: 'Use browser sign-in (its URL can be opened on another machine) or import an existing login.',
});

export const refreshFailed = (provider: string, cause: OAuthError): OAuthError => ({
  kind: 'refresh-failed',
  code: cause.kind === 'token-endpoint' ? cause.code : undefined,
  message: `Refreshing the ${provider} sign-in failed: ${cause.message}`,
  fix:
    cause.kind === 'token-endpoint' && cause.code === 'invalid_grant'
      ? `Sign in to ${provider} again.`
      : cause.fix,
});

export const notSignedIn = (provider: string): OAuthError => ({
  kind: 'not-signed-in',
  message: `Not signed in to ${provider}.`,
  fix: `Sign in to ${provider} with the Sign in button in the window, or run "vdm oauth login ${provider}".`,
});

export const importNotFound = (path: string): OAuthError => ({
  kind: 'import-not-found',
  path,
  message: `No login to import at ${path}.`,
  fix: 'Sign in with that tool first, or sign in here directly.',
});

export const importInvalid = (path: string, why: string): OAuthError => ({
  kind: 'import-invalid',
  path,
  message: `The login at ${path} cannot be imported: ${why}.`,
  fix: 'Sign in with that tool again to rewrite it, or sign in here directly.',
});

export const secretStoreFailed = (cause: SecretError): OAuthError => ({
  kind: 'secret-store',
  cause,
  message: `The tokens could not be kept in the secret store: ${cause.kind === 'unavailable' ? cause.reason : cause.message}`,
  fix: cause.kind === 'unavailable' ? cause.fix : 'Check the keychain is unlocked, then try again.',
});
