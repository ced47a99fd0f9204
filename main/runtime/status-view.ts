import type { AppStatusView } from '../../shared/admin/views.js';
import type { KeyRegistry } from '../core/keys/key-registry.js';
import type { ConfigSnapshot } from '../config/model.js';
import type { OAuthStatus } from '../../shared/domain/oauth-status.js';
import type { ProviderName } from '../../shared/domain/provider.js';
import { defaultProviderView } from '../admin/default-provider-view.js';
import { VERSION } from '../version.js';

export interface StatusInputs {
  readonly snapshot: ConfigSnapshot;
  readonly keys: KeyRegistry;
  readonly url: string | undefined;
  /** Why the proxy is not listening, when starting it failed. */
  readonly startError: string | undefined;
  readonly configErrors: readonly string[];
  readonly notices: readonly string[];
  readonly oauthStatus: (provider: ProviderName) => OAuthStatus;
}

/** One line per provider that needs the user: partial config, every key unusable, sign-in needed. */
function attention(inputs: StatusInputs): AppStatusView['attention'] {
  const out: { provider: string; reason: string }[] = [];
  for (const provider of inputs.snapshot.providers.values()) {
    if (provider.status.kind === 'partial') {
      out.push({ provider: provider.name, reason: provider.status.reason });
      continue;
    }
    if (provider.authMode === 'oauth') {
      const status = inputs.oauthStatus(provider.name);
      if (status.kind !== 'signed-in')
        out.push({
          provider: provider.name,
          reason: status.kind === 'expired' ? 'sign-in expired' : 'not signed in',
        });
      continue;
    }
    const keys = inputs.keys.healthOf(provider.name);
    const bad = keys.filter(
      (k) => k.status.kind === 'invalid' || k.status.kind === 'quota-exhausted',
    );
    if (keys.length > 0 && bad.length === keys.length) {
      out.push({
        provider: provider.name,
        reason:
          keys.length === 1
            ? 'its key is invalid or out of quota'
            : 'all its keys are invalid or out of quota',
      });
    } else if (bad.length > 0) {
      out.push({
        provider: provider.name,
        reason: `${bad.length} of ${keys.length} keys invalid or out of quota`,
      });
    }
  }
  return out;
}

export function statusView(inputs: StatusInputs): AppStatusView {
  const token = inputs.snapshot.globals.proxyApiKey;
  return {
    version: VERSION,
    state: inputs.url ? 'running' : inputs.startError ? 'error' : 'stopped',
    url: inputs.url ?? null,
    claudeCodeSetup: inputs.url
      ? `export ANTHROPIC_BASE_URL=${inputs.url}${token ? ' ANTHROPIC_API_KEY=<your client token>' : ''}`
      : null,
    defaultProvider: defaultProviderView(inputs.snapshot),
    attention: attention(inputs),
    notices: [...(inputs.startError ? [inputs.startError] : []), ...inputs.notices],
    configErrors: [...inputs.configErrors],
  };
}
