import type { ProviderConfig } from '../../config/model.js';
import type { ProxyError } from '../errors/proxy-error.js';
import type { OAuthGrant, OAuthProblem } from '../oauth-credentials.js';
import { forward, type ForwardPlan, type ForwardResult } from '../pipeline/forward.js';
import type { Credential } from '../providers/anthropic/anthropic-endpoint.js';
import type { ProxyDeps } from '../proxy-deps.js';

function notSignedIn(provider: ProviderConfig, problem: OAuthProblem): ForwardResult {
  const error: ProxyError = {
    kind: 'oauth-not-signed-in',
    provider: provider.name,
    message: problem.message,
    fix: problem.fix,
  };
  return { ok: false, error };
}

const credentialOf = (grant: OAuthGrant): Credential => ({
  kind: 'oauth',
  accessToken: grant.accessToken,
  accountId: grant.accountId,
});

function rejected(result: ForwardResult): boolean {
  return !result.ok && result.error.kind === 'upstream-http' && result.error.status === 401;
}

/**
 * Sends the upstream request with the provider's credential: a key from its pool (with rotation
 * and failover), the client's own, or, for an OAuth provider, the signed-in token: refreshed ahead
 * of expiry by the token manager, and once more if the upstream still answers 401.
 */
export async function forwardRequest(deps: ProxyDeps, plan: ForwardPlan): Promise<ForwardResult> {
  const { provider } = plan;
  if (provider.authMode !== 'oauth') return forward(plan);
  if (!deps.oauth) {
    return notSignedIn(provider, {
      message: `Provider "${provider.name}" uses sign-in, which this process cannot do`,
      fix: 'Run the proxy with `vdm serve` or the desktop app',
    });
  }
  const grant = await deps.oauth.accessToken(provider.name);
  if (!grant.ok) return notSignedIn(provider, grant.error);
  const first = await forward({ ...plan, fallbackCredential: credentialOf(grant.value) });
  if (!rejected(first)) return first;
  const renewed = await deps.oauth.onUnauthorized(provider.name, grant.value.accessToken);
  if (!renewed.ok) return notSignedIn(provider, renewed.error);
  return forward({ ...plan, fallbackCredential: credentialOf(renewed.value) });
}
