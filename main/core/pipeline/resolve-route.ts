import { err, ok, type Result } from '../../../shared/result.js';
import type { ConfigSnapshot, ProviderConfig } from '../../config/model.js';
import type { ProxyError } from '../errors/proxy-error.js';
import { resolveCached } from '../routing/resolution-cache.js';
import type { TraceStep } from '../routing/model.js';

export interface Route {
  readonly provider: ProviderConfig;
  readonly model: string;
  readonly trace: readonly TraceStep[];
}

/** Model name -> provider and upstream model, or the reason it cannot go anywhere. */
export function resolveRoute(
  snapshot: ConfigSnapshot,
  requested: string,
): Result<Route, { error: ProxyError; trace: readonly TraceStep[] }> {
  const resolution = resolveCached(snapshot, requested);
  if (!resolution.ok) {
    return err({
      error: { kind: 'routing', error: resolution.error, model: requested },
      trace: resolution.trace,
    });
  }
  const provider = snapshot.providers.get(resolution.provider);
  if (!provider) {
    // Resolution only names providers from the snapshot; this is a bug, reported as such.
    return err({
      error: {
        kind: 'internal',
        message: `Provider ${resolution.provider} vanished during routing.`,
      },
      trace: resolution.trace,
    });
  }
  if (provider.status.kind === 'partial') {
    return err({
      error: {
        kind: 'provider-unconfigured',
        provider: provider.name,
        reason: provider.status.reason,
      },
      trace: resolution.trace,
    });
  }
  return ok({ provider, model: resolution.model, trace: resolution.trace });
}
