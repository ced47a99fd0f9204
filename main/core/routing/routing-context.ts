import type { ConfigSnapshot } from '../../config/model.js';
import type { RoutingContext } from './model.js';

/**
 * The part of a snapshot routing needs. Providers are passed as they are (a ProviderConfig has its
 * aliases), so building the context per request copies nothing.
 */
export function routingContextOf(snapshot: ConfigSnapshot): RoutingContext {
  const choice = snapshot.defaultProvider;
  return {
    providers: snapshot.providers,
    defaultProvider: choice.kind === 'none' ? undefined : choice.name,
    defaultAliases: snapshot.defaultAliases,
  };
}
