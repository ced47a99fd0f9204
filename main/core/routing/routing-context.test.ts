import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../../shared/domain/provider.js';
import type { ConfigSnapshot, DefaultProviderChoice } from '../../config/model.js';
import { routingContextOf } from './routing-context.js';

function snapshotWith(defaultProvider: DefaultProviderChoice): ConfigSnapshot {
  // Only the fields routing reads matter here.
  return { providers: new Map(), defaultProvider, defaultAliases: {} } as unknown as ConfigSnapshot;
}

describe('routingContextOf', () => {
  const name = 'openai' as ProviderName;
  it('takes the default provider whether configured or a fallback', () => {
    const source = { layer: 'env', where: 'VDM_DEFAULT_PROVIDER' } as const;
    expect(
      routingContextOf(snapshotWith({ kind: 'configured', name, source })).defaultProvider,
    ).toBe('openai');
    expect(
      routingContextOf(snapshotWith({ kind: 'fallback', name, reason: 'r' })).defaultProvider,
    ).toBe('openai');
    expect(
      routingContextOf(snapshotWith({ kind: 'none', reason: 'r' })).defaultProvider,
    ).toBeUndefined();
  });
});
