import { Agent, type Dispatcher } from 'undici';
import type { ProviderName } from '../../../shared/domain/provider.js';
import type { ProviderConfig } from '../../config/model.js';

export type AgentFactory = (options: Agent.Options) => Dispatcher;

const defaultFactory: AgentFactory = (options) => new Agent(options);

interface Entry {
  readonly signature: string;
  readonly dispatcher: Dispatcher;
}

/**
 * One undici Agent per provider: it keeps a keep-alive pool per upstream origin and carries the
 * provider's connect timeout. A provider whose origin or timeout changes on reload gets a new
 * agent; the old one is closed gracefully, so requests already on it finish (CONFIG.md hot reload).
 */
export class UpstreamAgents {
  readonly #entries = new Map<ProviderName, Entry>();

  constructor(private readonly factory: AgentFactory = defaultFactory) {}

  forProvider(provider: ProviderConfig): Dispatcher {
    const signature = `${provider.baseUrl ?? ''}|${provider.connectTimeoutMs}`;
    const existing = this.#entries.get(provider.name);
    if (existing?.signature === signature) return existing.dispatcher;
    if (existing) void existing.dispatcher.close().catch(() => undefined);
    const dispatcher = this.factory({
      connect: { timeout: provider.connectTimeoutMs },
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connections: 128,
      pipelining: 1,
    });
    this.#entries.set(provider.name, { signature, dispatcher });
    return dispatcher;
  }

  /** Drop agents of providers that no longer exist (after a config reload). */
  retain(names: ReadonlySet<ProviderName>): void {
    for (const [name, entry] of this.#entries) {
      if (names.has(name)) continue;
      this.#entries.delete(name);
      void entry.dispatcher.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    const all = [...this.#entries.values()];
    this.#entries.clear();
    await Promise.allSettled(all.map((e) => e.dispatcher.close()));
  }
}
