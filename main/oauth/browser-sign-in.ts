import { err, ok, type Result } from '../../shared/result.js';
import { listenForCallback, type CallbackListener } from './loopback-listener.js';
import type { OAuthDeps } from './oauth-deps.js';
import type { OAuthError } from './oauth-errors.js';
import { endpointOf, redirectUriOf, type OAuthProvider } from './oauth-provider.js';
import { createPkcePair, createState, type PkcePair } from './pkce.js';
import { createDeadline, type SignInDeadline, type SignInOptions } from './sign-in-deadline.js';
import type { SignInSummary } from './stored-tokens.js';
import { requestTokens } from './token-endpoint.js';
import { storeSignIn } from './token-set.js';

export interface BrowserSignIn {
  /** Returned before the browser opens, so a headless shell can print it. */
  readonly authorizeUrl: string;
  readonly redirectUri: string;
  /** Tokens are in the SecretStore when this is ok; the summary carries none. */
  readonly done: Promise<Result<SignInSummary, OAuthError>>;
}

/**
 * Authorization code with PKCE (RFC 7636) and a loopback redirect (RFC 8252). Fails at once only
 * when no redirect port is free; everything later (denial, state mismatch, timeout, cancel, token
 * endpoint) arrives through `done`.
 */
export async function startBrowserSignIn(
  provider: OAuthProvider,
  deps: OAuthDeps,
  options: SignInOptions = {},
): Promise<Result<BrowserSignIn, OAuthError>> {
  const pkce = createPkcePair();
  const state = createState();
  const listener = await listenForCallback({
    host: deps.listenHost ?? '127.0.0.1',
    ports: provider.redirect.ports,
    path: provider.redirect.path,
    expectedState: state,
  });
  if (!listener.ok) return listener;
  const redirectUri = redirectUriOf(provider, listener.value.port);
  const authorizeUrl = buildAuthorizeUrl(provider, redirectUri, state, pkce);
  const deadline = createDeadline(`${provider.displayName} sign-in`, options);
  const done = finish(provider, deps, listener.value, deadline, { redirectUri, pkce });
  // The URL is already returned; a browser that fails to open is not fatal (the user can copy it).
  void Promise.resolve()
    .then(() => deps.openBrowser(authorizeUrl))
    .catch(() => undefined);
  return ok({ authorizeUrl, redirectUri, done });
}

/** RFC 6749 section 4.1.1 with RFC 7636 section 4.3, then the provider's own parameters. */
export function buildAuthorizeUrl(
  provider: OAuthProvider,
  redirectUri: string,
  state: string,
  pkce: PkcePair,
): string {
  const url = new URL(endpointOf(provider, provider.authorizePath));
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: redirectUri,
    scope: provider.scopes.join(' '),
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    state,
    ...provider.extraAuthorizeParams,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

async function finish(
  provider: OAuthProvider,
  deps: OAuthDeps,
  listener: CallbackListener,
  deadline: SignInDeadline,
  exchange: { readonly redirectUri: string; readonly pkce: PkcePair },
): Promise<Result<SignInSummary, OAuthError>> {
  try {
    const callback = await Promise.race([listener.callback, deadline.aborted.then(err)]);
    if (!callback.ok) return callback;
    // RFC 6749 section 4.1.3 + RFC 7636 section 4.5: the verifier proves we sent the challenge.
    const response = await requestTokens(
      deps.fetch,
      endpointOf(provider, provider.tokenPath),
      {
        grant_type: 'authorization_code',
        code: callback.value.code,
        redirect_uri: exchange.redirectUri,
        client_id: provider.clientId,
        code_verifier: exchange.pkce.verifier,
      },
      deadline.signal,
    );
    const aborted = deadline.reason();
    if (aborted) return err(aborted);
    if (!response.ok) return response;
    return await storeSignIn(provider, deps, response.value);
  } finally {
    deadline.dispose();
    await listener.close();
  }
}
