import type { ProviderName } from '../../shared/domain/provider.js';
import type { DefaultProviderChoice, ProviderConfig } from './model.js';
import type { Sourced } from './raw-layer.js';

const HOW_TO_ADD =
  'set a {PROVIDER}_API_KEY variable such as OPENAI_API_KEY, or add a provider to vandamme-config.toml';

function noneReason(
  requested: Sourced<string> | undefined,
  providers: readonly ProviderConfig[],
): string {
  const partial = providers.flatMap((p) =>
    p.status.kind === 'partial' ? [`${p.name}: ${p.status.reason}`] : [],
  );
  const asked = requested
    ? `default provider "${requested.value}" (from ${requested.source.where}) is not configured, and `
    : '';
  if (partial.length === 0) return `${asked}no provider is configured: ${HOW_TO_ADD}`;
  return `${asked}no provider is ready (${partial.join('; ')}); fix one of them, or ${HOW_TO_ADD}`;
}

/**
 * CONFIG.md "Default provider": the configured one when it exists and is ready, else the first
 * ready provider alphabetically (with the reason), else none (with what to do).
 */
export function chooseDefaultProvider(
  requested: Sourced<string> | undefined,
  providers: ReadonlyMap<ProviderName, ProviderConfig>,
): DefaultProviderChoice {
  const all = [...providers.values()].sort((a, b) => a.name.localeCompare(b.name));
  const asked = requested ? providers.get(requested.value as ProviderName) : undefined;
  if (requested && asked?.status.kind === 'ready') {
    return { kind: 'configured', name: asked.name, source: requested.source };
  }
  const first = all.find((p) => p.status.kind === 'ready');
  if (!first) return { kind: 'none', reason: noneReason(requested, all) };
  const using = `using "${first.name}", the first configured provider alphabetically`;
  if (!requested) {
    return {
      kind: 'fallback',
      name: first.name,
      reason: `no default provider set (VDM_DEFAULT_PROVIDER or [defaults] default-provider); ${using}`,
    };
  }
  const from = `default provider "${requested.value}" (from ${requested.source.where})`;
  const why =
    asked?.status.kind === 'partial'
      ? `is not ready (${asked.status.reason})`
      : 'is not configured';
  return { kind: 'fallback', name: first.name, reason: `${from} ${why}; ${using}` };
}
