import type { Clock } from '../core/clock.js';
import type { OAuthProvider } from '../oauth/oauth-provider.js';
import { withTestIssuer } from '../oauth/oauth-provider.js';
import { systemSleep } from '../oauth/oauth-deps.js';
import { chatgptProvider } from '../oauth/providers/chatgpt.js';
import { TokenManager } from '../oauth/token-manager.js';
import type { AppSecrets } from '../secrets/app-secrets.js';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import { SignInService } from './sign-in-service.js';

export interface SignInOptions {
  readonly secrets: AppSecrets;
  readonly clock: Clock;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** `shell.openExternal` in the desktop app; headless, the window shows the link instead. */
  readonly openBrowser?: (url: string) => Promise<void> | void;
  readonly changed: () => void;
}

/**
 * The OAuth providers this build can sign in to. Tests point them at a fake authorization server
 * on loopback with `VDM_TEST_OAUTH_ISSUER` (and free ports with `VDM_TEST_OAUTH_PORTS`);
 * `withTestIssuer` refuses anything but http on loopback, so this cannot send a sign-in elsewhere.
 */
function oauthProviders(env: SignInOptions['env']): OAuthProvider[] {
  const issuer = env['VDM_TEST_OAUTH_ISSUER']?.trim();
  if (!issuer) return [chatgptProvider];
  const ports = (env['VDM_TEST_OAUTH_PORTS'] ?? '')
    .split(',')
    .map(Number)
    .filter((port) => Number.isInteger(port) && port > 0);
  return [withTestIssuer(chatgptProvider, issuer, ports.length > 0 ? { ports } : {})];
}

/** The TokenManager (for the proxy's requests) and the sign-in service (for the window). */
export async function createSignIn(options: SignInOptions) {
  const providers = oauthProviders(options.env);
  // Without a usable secret store, sign-in is refused (SignInService says why); the manager
  // still needs a store to read from, and an empty one reads as "signed out".
  const store = options.secrets.store ?? createMemorySecretStore();
  const tokens = new TokenManager(
    {
      fetch: (url, init) => fetch(url, init),
      clock: options.clock,
      sleep: systemSleep,
      secrets: store,
      openBrowser: options.openBrowser ?? (() => undefined),
    },
    providers,
    // `service` exists by the time anything changes: changes come from calls made through it.
    { onChange: (provider, _status, record) => service.apply(provider, record) },
  );
  const service = new SignInService({
    tokens,
    secrets: options.secrets.store,
    unavailable: options.secrets.unavailable,
    known: new Set(providers.map((p) => p.id)),
    clock: options.clock,
    homeDir: options.homeDir,
    changed: options.changed,
    browserOpens: options.openBrowser !== undefined,
  });
  for (const provider of providers) await service.load(provider.id);
  return { tokens, service };
}
