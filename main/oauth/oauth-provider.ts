/**
 * An OAuth provider as data: adding one is a new file in `providers/` plus, only if its server
 * departs from the RFCs, a quirk in the flow that needs it (see `device` below).
 */
export interface OAuthProvider {
  /** The provider name as configured (`chatgpt`); also the SecretStore account `oauth/<id>`. */
  readonly id: string;
  /** Shown in messages: "ChatGPT". */
  readonly displayName: string;
  /** Base URL of the authorization server; endpoint paths below are relative to it. */
  readonly issuer: string;
  readonly authorizePath: string;
  readonly tokenPath: string;
  /** A public client (RFC 8252 section 8.4): no secret, PKCE instead. */
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Sent on the authorize request after the standard parameters. */
  readonly extraAuthorizeParams: Readonly<Record<string, string>>;
  readonly redirect: LoopbackRedirect;
  readonly device: DeviceSupport;
  /** Where the id_token keeps the account id, if the provider puts it in a namespaced claim. */
  readonly accountIdClaim?: { readonly namespace: string; readonly key: string };
  /**
   * Tests only: a loopback fake authorization server replacing `issuer`. Set through
   * `withTestIssuer`, which refuses anything but loopback, so a config file cannot redirect
   * sign-in (and the tokens) to another host.
   */
  readonly issuerOverrideForTests?: string;
}

export interface LoopbackRedirect {
  /**
   * Host written in the redirect URI. RFC 8252 section 7.3 prefers 127.0.0.1, but the URI must
   * match what the client registered (ChatGPT registered `localhost`). We always listen on
   * 127.0.0.1 whatever this says.
   */
  readonly host: string;
  readonly path: string;
  /** Tried in order; registered clients only accept these exact ports. */
  readonly ports: readonly number[];
}

/** How a provider does the device flow, if at all. */
export type DeviceSupport =
  | { readonly kind: 'none'; readonly reason: string }
  /** RFC 8628 device authorization grant; the path is relative to the issuer. */
  | { readonly kind: 'rfc8628'; readonly deviceAuthorizationPath: string }
  /**
   * The Codex CLI's private device login (openai/codex `device_code_auth.rs`): JSON endpoints that
   * hand out an authorization code plus its PKCE verifier, exchanged as in the browser flow.
   */
  | {
      readonly kind: 'codex-deviceauth';
      readonly userCodePath: string;
      readonly pollPath: string;
      /** Where the user enters the code. */
      readonly verificationPath: string;
      /** The redirect_uri the code was issued for. */
      readonly callbackPath: string;
      /** Codex gives up after 15 minutes; the server states no expiry. */
      readonly lifetimeMs: number;
    };

export function issuerOf(provider: OAuthProvider): string {
  return (provider.issuerOverrideForTests ?? provider.issuer).replace(/\/+$/, '');
}

export function endpointOf(provider: OAuthProvider, path: string): string {
  return `${issuerOf(provider)}${path}`;
}

export function redirectUriOf(provider: OAuthProvider, port: number): string {
  return `http://${provider.redirect.host}:${port}${provider.redirect.path}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The only way to point a provider at another server: a fake one on loopback, for tests. */
export function withTestIssuer(
  provider: OAuthProvider,
  issuer: string,
  overrides: { readonly ports?: readonly number[]; readonly device?: DeviceSupport } = {},
): OAuthProvider {
  const url = new URL(issuer);
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`test issuer must be http on loopback, got ${url.origin}`);
  }
  return {
    ...provider,
    issuerOverrideForTests: url.origin,
    redirect: { ...provider.redirect, ports: overrides.ports ?? provider.redirect.ports },
    device: overrides.device ?? provider.device,
  };
}
