import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../../shared/domain/provider.js';
import { describeRoutingError } from './describe-routing-error.js';

const known = ['anthropic', 'openai'] as ProviderName[];

describe('describeRoutingError', () => {
  it('names the fix when no provider is configured', () => {
    expect(describeRoutingError({ kind: 'no-provider' })).toBe(
      'No provider is configured. Set a {PROVIDER}_API_KEY variable such as OPENAI_API_KEY (or ANTHROPIC_API_KEY), ' +
        'or add a provider to vandamme-config.toml, then retry.',
    );
  });

  it('lists the providers for an unknown prefix and suggests an alias', () => {
    expect(
      describeRoutingError({ kind: 'unknown-provider', prefix: 'foo', known, model: 'foo:bar' }),
    ).toBe(
      'Unknown provider "foo" in model "foo:bar". Configured providers: anthropic, openai. ' +
        'Use provider:model with one of them, or define an alias named "foo:bar".',
    );
  });

  it('suggests the literal form, not an alias, for an unknown prefix after !', () => {
    const text = describeRoutingError({
      kind: 'unknown-provider',
      prefix: 'qwen/coder',
      known,
      model: '!qwen/coder:free',
    });
    expect(text).toContain('"!anthropic:qwen/coder:free"');
    expect(text).not.toContain('alias');
  });

  it('names the cycle and the hops', () => {
    expect(describeRoutingError({ kind: 'alias-cycle', cycle: ['a', 'b', 'a'] })).toContain(
      'a -> b -> a',
    );
    expect(describeRoutingError({ kind: 'too-many-hops', chain: ['m0', 'm1'] })).toContain(
      'm0 -> m1',
    );
    expect(describeRoutingError({ kind: 'empty-model' })).toContain('empty');
  });
});
