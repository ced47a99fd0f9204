import type { KeyHealthView } from '../../../shared/domain/key-status.js';
import type { ProviderName } from '../../../shared/domain/provider.js';
import type { ProviderConfig } from '../../config/model.js';
import type { Clock } from '../clock.js';
import { KeyPool } from './key-pool.js';
import type { KeyPolicy } from './model.js';

interface Entry {
  /** The key list as configured, to tell whether a reload changed it. */
  readonly keys: readonly string[];
  /** Where the keys are sent; a key's 401 says nothing about a different endpoint. */
  readonly endpoint: string;
  readonly pool: KeyPool;
}

function endpointOf(provider: ProviderConfig): string {
  return JSON.stringify([
    provider.authMode,
    provider.apiFormat,
    provider.baseUrl ?? '',
    provider.apiVersion ?? '',
  ]);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * One key pool per provider, kept across config reloads. CONFIG.md: a 401/403 marks a key invalid
 * "until its config changes"; a changed key is a different string, so it gets a fresh, healthy
 * entry, while keys still present keep their health (invalid included) and removed keys are gone.
 */
export class KeyRegistry {
  private readonly entries = new Map<ProviderName, Entry>();

  constructor(
    private policy: KeyPolicy,
    private readonly clock: Clock,
  ) {}

  /** Call on every config (re)load, before requests use the new snapshot. */
  sync(providers: ReadonlyMap<ProviderName, ProviderConfig>): void {
    for (const name of [...this.entries.keys()]) {
      if (!providers.has(name)) this.entries.delete(name);
    }
    for (const [name, provider] of providers) {
      // Passthrough and oauth providers get an empty pool: the caller supplies the credential.
      const keys = provider.authMode === 'api_key' ? provider.apiKeys : [];
      const endpoint = endpointOf(provider);
      const current = this.entries.get(name);
      if (current && current.endpoint === endpoint && sameKeys(current.keys, keys)) continue;
      // A new base URL, format or auth mode starts every key afresh; a new key list carries health over.
      const previous = current?.endpoint === endpoint ? current.pool : undefined;
      this.entries.set(name, {
        keys,
        endpoint,
        pool: new KeyPool(keys, this.policy, this.clock, previous),
      });
    }
  }

  pool(provider: ProviderName): KeyPool | undefined {
    return this.entries.get(provider)?.pool;
  }

  healthOf(provider: ProviderName): readonly KeyHealthView[] {
    return this.entries.get(provider)?.pool.health() ?? [];
  }

  /** Marks a provider's key (by hash) or all its keys healthy; the count of keys reset. */
  resetHealth(provider: ProviderName, hash?: string): number {
    return this.entries.get(provider)?.pool.resetHealth(hash) ?? 0;
  }

  /** New cooldown settings apply to the next outcome; rests already running keep their end. */
  setPolicy(policy: KeyPolicy): void {
    this.policy = policy;
    for (const entry of this.entries.values()) entry.pool.setPolicy(policy);
  }
}
