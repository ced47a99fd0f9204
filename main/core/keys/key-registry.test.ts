import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../../shared/domain/provider.js';
import type { ProviderConfig } from '../../config/model.js';
import { providerConfig } from '../../test-support/provider-config.js';
import { KeyRegistry } from './key-registry.js';
import type { KeyPolicy } from './model.js';

const A = 'sk-test-FAKE-000000000000aaaa';
const B = 'sk-test-FAKE-000000000000bbbb';
const A2 = 'sk-test-FAKE-00000000000a2a2a';

const policy: KeyPolicy = {
  cooldownDefaultMs: 1_000,
  cooldownMaxMs: 60_000,
  quotaCooldownMs: 3_600_000,
};
const fake = 'fake' as ProviderName;

function provider(
  name: string,
  apiKeys: readonly string[],
  extra: Partial<ProviderConfig> = {},
): ProviderConfig {
  return providerConfig(name, {
    apiFormat: 'anthropic',
    baseUrl: 'https://api.example.test',
    apiKeys,
    ...extra,
  });
}

function providers(...list: ProviderConfig[]): ReadonlyMap<ProviderName, ProviderConfig> {
  return new Map(list.map((p) => [p.name, p]));
}

function setup(keys: readonly string[] = [A, B]) {
  const clock = {
    t: 0,
    now() {
      return this.t;
    },
  };
  const registry = new KeyRegistry(policy, clock);
  registry.sync(providers(provider('fake', keys)));
  return { clock, registry };
}

const statuses = (registry: KeyRegistry) =>
  registry.healthOf(fake).map((k) => [k.hint, k.status.kind]);

function invalidateFirst(registry: KeyRegistry): void {
  registry.pool(fake)?.acquire()?.report({ kind: 'unauthorized', httpStatus: 401 });
}

describe('KeyRegistry', () => {
  it('keeps the pool and its health when a reload leaves the keys unchanged', () => {
    const { registry } = setup();
    const before = registry.pool(fake);
    invalidateFirst(registry);
    registry.sync(providers(provider('fake', [A, B], { requestTimeoutMs: 5_000 })));
    expect(registry.pool(fake)).toBe(before);
    expect(statuses(registry)).toEqual([
      ['…aaaa', 'invalid'],
      ['…bbbb', 'healthy'],
    ]);
  });

  it('drops an invalid key that the config replaced; the new key starts healthy', () => {
    const { registry } = setup();
    invalidateFirst(registry);
    registry.sync(providers(provider('fake', [A2, B])));
    expect(statuses(registry)).toEqual([
      ['…2a2a', 'healthy'],
      ['…bbbb', 'healthy'],
    ]);
  });

  it('keeps the health of keys still present when the list changes', () => {
    const { registry } = setup();
    invalidateFirst(registry);
    registry.pool(fake)?.acquire()?.report({ kind: 'rate-limited', retryAfterMs: 10_000 });
    registry.sync(providers(provider('fake', [A, B, A2])));
    expect(statuses(registry)).toEqual([
      ['…aaaa', 'invalid'],
      ['…bbbb', 'cooling-down'],
      ['…2a2a', 'healthy'],
    ]);
  });

  it('starts every key afresh when the endpoint changes', () => {
    const { registry } = setup();
    invalidateFirst(registry);
    registry.sync(providers(provider('fake', [A, B], { baseUrl: 'https://other.example.test' })));
    expect(statuses(registry)).toEqual([
      ['…aaaa', 'healthy'],
      ['…bbbb', 'healthy'],
    ]);
  });

  it('ignores the late report of a lease from the pool a reload replaced', () => {
    const { registry } = setup();
    const late = registry.pool(fake)?.acquire();
    registry.sync(providers(provider('fake', [A, B, A2])));
    late?.report({ kind: 'unauthorized', httpStatus: 401 });
    expect(statuses(registry).map(([, kind]) => kind)).toEqual(['healthy', 'healthy', 'healthy']);
  });

  it('drops removed providers and gives keyless ones an empty pool', () => {
    const { registry } = setup();
    registry.sync(
      providers(provider('local', []), provider('relay', [], { authMode: 'passthrough' })),
    );
    expect(registry.pool(fake)).toBeUndefined();
    expect(registry.healthOf(fake)).toEqual([]);
    expect(registry.pool('local' as ProviderName)?.size).toBe(0);
    expect(registry.pool('relay' as ProviderName)?.acquire()).toBeUndefined();
  });

  it('applies a new policy to the next outcome', () => {
    const { registry, clock } = setup([A]);
    registry.setPolicy({ ...policy, cooldownDefaultMs: 7_000 });
    registry.pool(fake)?.acquire()?.report({ kind: 'rate-limited', retryAfterMs: undefined });
    expect(registry.pool(fake)?.nextAvailableAt()).toBe(clock.t + 7_000);
  });
});
