import { describe, expect, it } from 'vitest';
import type { ConfigSnapshot } from '../../config/model.js';
import { providerConfig } from '../../test-support/provider-config.js';
import { resolveCached } from './resolution-cache.js';

function snapshotWith(target: string): ConfigSnapshot {
  const fake = providerConfig('fake', {
    aliases: { haiku: { target, source: { layer: 'env', where: 'FAKE_ALIAS_HAIKU' } } },
  });
  return {
    providers: new Map([[fake.name, fake]]),
    defaultProvider: { kind: 'fallback', name: fake.name, reason: 'only provider' },
    defaultAliases: {},
  } as unknown as ConfigSnapshot;
}

describe('resolveCached', () => {
  it('answers like resolveModel and follows a reloaded config', () => {
    const first = snapshotWith('small-model');
    const r1 = resolveCached(first, 'claude-haiku-4-5');
    expect(r1.ok && `${r1.provider}:${r1.model}`).toBe('fake:small-model');
    expect(resolveCached(first, 'claude-haiku-4-5')).toBe(r1);
    const reloaded = snapshotWith('other-model');
    const r2 = resolveCached(reloaded, 'claude-haiku-4-5');
    expect(r2.ok && r2.model).toBe('other-model');
  });
});
