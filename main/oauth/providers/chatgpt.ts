import type { OAuthProvider } from '../oauth-provider.js';

/**
 * ChatGPT subscription sign-in, as the Codex CLI does it (openai/codex `codex-rs/login`): its
 * public client id, the redirect it registered (`http://localhost:1455/auth/callback`, with 1457
 * as the fallback port), and the two extra authorize parameters the Codex CLI sends.
 */
export const chatgptProvider: OAuthProvider = {
  id: 'chatgpt',
  displayName: 'ChatGPT',
  issuer: 'https://auth.openai.com',
  authorizePath: '/oauth/authorize',
  tokenPath: '/oauth/token',
  clientId: 'app_EMoamEEZ73f0CkXaXp7hrann',
  scopes: ['openid', 'profile', 'email', 'offline_access'],
  extraAuthorizeParams: {
    id_token_add_organizations: 'true',
    codex_cli_simplified_flow: 'true',
  },
  redirect: { host: 'localhost', path: '/auth/callback', ports: [1455, 1457] },
  // auth.openai.com has no RFC 8628 endpoint; `codex login --device-auth` uses this private one.
  device: {
    kind: 'codex-deviceauth',
    userCodePath: '/api/accounts/deviceauth/usercode',
    pollPath: '/api/accounts/deviceauth/token',
    verificationPath: '/codex/device',
    callbackPath: '/deviceauth/callback',
    lifetimeMs: 15 * 60 * 1000,
  },
  accountIdClaim: { namespace: 'https://api.openai.com/auth', key: 'chatgpt_account_id' },
};
