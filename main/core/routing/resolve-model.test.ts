import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../../shared/domain/provider.js';
import type { AliasTable } from '../../config/model.js';
import { MAX_ALIAS_HOPS } from './alias-chain.js';
import type { Resolution, RoutingContext } from './model.js';
import { resolveModel } from './resolve-model.js';

function aliases(entries: Record<string, string>): AliasTable {
  return Object.fromEntries(
    Object.entries(entries).map(([name, target]) => [
      name,
      { target, source: { layer: 'local', where: `aliases.${name}` } },
    ]),
  );
}

interface Setup {
  readonly providers?: Record<string, Record<string, string>>;
  readonly defaultProvider?: string;
  readonly defaults?: Record<string, string>;
}

function ctx(setup: Setup): RoutingContext {
  const providers = new Map(
    Object.entries(setup.providers ?? {}).map(([name, table]) => [
      name as ProviderName,
      { aliases: aliases(table) },
    ]),
  );
  return {
    providers,
    defaultProvider: setup.defaultProvider as ProviderName | undefined,
    defaultAliases: aliases(setup.defaults ?? {}),
  };
}

function routed(res: Resolution): string {
  if (!res.ok) throw new Error(`expected a route, got ${JSON.stringify(res.error)}`);
  return `${res.provider}:${res.model}`;
}

function failure(res: Resolution) {
  if (res.ok) throw new Error(`expected an error, got ${res.provider}:${res.model}`);
  return res.error;
}

const basic = ctx({
  providers: { openrouter: {}, openai: {}, ollama: {}, anthropic: {} },
  defaultProvider: 'openrouter',
});

describe('literal names (!)', () => {
  const c = ctx({
    providers: { openrouter: { haiku: 'x' }, openai: { haiku: 'y' } },
    defaultProvider: 'openrouter',
    defaults: { haiku: 'z' },
  });

  it('sends !name to the default provider without alias matching', () => {
    const res = resolveModel('!haiku', c);
    expect(routed(res)).toBe('openrouter:haiku');
    expect(res.trace.map((s) => s.rule)).toEqual(['literal']);
  });

  it('sends !p:name to p without alias matching, splitting on the first colon', () => {
    expect(routed(resolveModel('!openai:haiku', c))).toBe('openai:haiku');
    expect(routed(resolveModel('!OpenAI:qwen:7b', c))).toBe('openai:qwen:7b');
  });

  it('refuses !p:name when p is not a provider', () => {
    expect(failure(resolveModel('!nope:haiku', c))).toEqual({
      kind: 'unknown-provider',
      prefix: 'nope',
      known: ['openai', 'openrouter'],
      model: '!nope:haiku',
    });
  });

  it('refuses an empty literal and !name without a default provider', () => {
    expect(failure(resolveModel('!', c)).kind).toBe('empty-model');
    expect(failure(resolveModel('!openai:', c)).kind).toBe('empty-model');
    expect(failure(resolveModel('!x', ctx({ providers: { openai: {} } }))).kind).toBe(
      'no-provider',
    );
  });
});

describe('provider prefixes', () => {
  it('splits on the first colon only, so model names keep their colons', () => {
    expect(routed(resolveModel('openrouter:qwen/qwen3-coder:free', basic))).toBe(
      'openrouter:qwen/qwen3-coder:free',
    );
    expect(routed(resolveModel('ollama:qwen2.5-coder:7b', basic))).toBe('ollama:qwen2.5-coder:7b');
  });

  it('matches the prefix case-insensitively and keeps the model case', () => {
    expect(routed(resolveModel('OpenAI:GPT-4o', basic))).toBe('openai:GPT-4o');
  });

  it('treats partial providers like ready ones (any provider in the context)', () => {
    expect(routed(resolveModel('anthropic:claude-x', basic))).toBe('anthropic:claude-x');
  });

  it('refuses an unknown prefix, listing the providers in order', () => {
    expect(failure(resolveModel('foo:bar', basic))).toEqual({
      kind: 'unknown-provider',
      prefix: 'foo',
      known: ['anthropic', 'ollama', 'openai', 'openrouter'],
      model: 'foo:bar',
    });
  });

  it('does not send a colon name with a non-provider prefix to the default provider', () => {
    expect(failure(resolveModel('qwen/qwen3-coder:free', basic)).kind).toBe('unknown-provider');
  });

  it('accepts an unknown prefix when the whole string is an alias of the default provider', () => {
    const c = ctx({
      providers: { openrouter: { 'my:model': 'real-model' } },
      defaultProvider: 'openrouter',
    });
    expect(routed(resolveModel('My:Model', c))).toBe('openrouter:real-model');
  });

  it('accepts an unknown prefix when the whole string is a [defaults.aliases] name', () => {
    const c = ctx({
      providers: { openrouter: {}, openai: {} },
      defaultProvider: 'openrouter',
      defaults: { 'fast:one': 'openai:gpt-4o-mini' },
    });
    expect(routed(resolveModel('fast:one', c))).toBe('openai:gpt-4o-mini');
  });

  it('does not rescue by substring: the whole string must be the alias', () => {
    const c = ctx({ providers: { openrouter: { haiku: 'x' } }, defaultProvider: 'openrouter' });
    expect(failure(resolveModel('foo:haiku', c)).kind).toBe('unknown-provider');
  });

  it('refuses p: with nothing after the colon', () => {
    expect(failure(resolveModel('openai:', basic)).kind).toBe('empty-model');
  });

  it('scopes alias lookup to the prefixed provider', () => {
    const c = ctx({
      providers: { openrouter: { sonnet: 'or-sonnet' }, openai: { sonnet: 'oa-sonnet' } },
      defaultProvider: 'openrouter',
    });
    expect(routed(resolveModel('openai:sonnet', c))).toBe('openai:oa-sonnet');
    expect(routed(resolveModel('sonnet', c))).toBe('openrouter:or-sonnet');
  });
});

describe('alias matching', () => {
  it('matches alias names case-insensitively', () => {
    const c = ctx({ providers: { openrouter: { haiku: 'small' } }, defaultProvider: 'openrouter' });
    expect(routed(resolveModel('HAIKU', c))).toBe('openrouter:small');
  });

  it('matches a substring of what the client sent', () => {
    const c = ctx({
      providers: { openrouter: { haiku: 'qwen/qwen3-coder:free' } },
      defaultProvider: 'openrouter',
    });
    const res = resolveModel('claude-haiku-4-5-20251001', c);
    expect(routed(res)).toBe('openrouter:qwen/qwen3-coder:free');
    expect(res.trace[1]).toMatchObject({
      rule: 'alias-substring',
      detail:
        'alias "haiku" of provider openrouter matched "claude-haiku-4-5-20251001" by substring -> "qwen/qwen3-coder:free"',
      source: { layer: 'local', where: 'aliases.haiku' },
    });
  });

  it('treats - and _ alike in both directions', () => {
    const c = ctx({
      providers: { p: { 'claude-haiku': 'a', sonnet_4: 'b' } },
      defaultProvider: 'p',
    });
    expect(routed(resolveModel('claude_haiku_latest', c))).toBe('p:a');
    expect(routed(resolveModel('claude-sonnet-4-5', c))).toBe('p:b');
  });

  it('ranks an exact match above a longer substring match', () => {
    const c = ctx({
      providers: { p: { 'claude-haiku': 'long', 'claude-haiku-x': 'exact' } },
      defaultProvider: 'p',
    });
    expect(routed(resolveModel('claude-haiku-x', c))).toBe('p:exact');
    // Same length, and the substring one is the provider's own: only "exact first" decides.
    const c2 = ctx({
      providers: { p: { 'claude-haiku': 'own' } },
      defaultProvider: 'p',
      defaults: { claude_haiku: 'def' },
    });
    expect(routed(resolveModel('claude_haiku', c2))).toBe('p:def');
  });

  it('ranks a longer alias above a shorter one', () => {
    const c = ctx({
      providers: { p: { haiku: 'short', 'haiku-4-5': 'long' } },
      defaultProvider: 'p',
    });
    expect(routed(resolveModel('claude-haiku-4-5-20251001', c))).toBe('p:long');
  });

  it("ranks the provider's own alias above [defaults.aliases] of the same length", () => {
    const c = ctx({
      providers: { p: { haiku: 'own' } },
      defaultProvider: 'p',
      defaults: { haiku: 'default' },
    });
    expect(routed(resolveModel('haiku', c))).toBe('p:own');
    expect(routed(resolveModel('claude-haiku-4', c))).toBe('p:own');
  });

  it('ranks equal candidates alphabetically', () => {
    const c = ctx({ providers: { p: { opus: 'o', haik: 'h' } }, defaultProvider: 'p' });
    expect(routed(resolveModel('haik-opus', c))).toBe('p:h');
  });

  it('falls back to [defaults.aliases] for names the provider lacks', () => {
    const c = ctx({
      providers: { p: { sonnet: 's' } },
      defaultProvider: 'p',
      defaults: { haiku: 'small' },
    });
    const res = resolveModel('haiku', c);
    expect(routed(res)).toBe('p:small');
    expect(res.trace.map((s) => s.rule)).toEqual([
      'default-provider',
      'default-alias-exact',
      'no-alias',
    ]);
  });

  it('sends a name no alias matches to the provider unchanged', () => {
    const res = resolveModel('gpt-4o', basic);
    expect(routed(res)).toBe('openrouter:gpt-4o');
    expect(res.trace.map((s) => s.rule)).toEqual(['default-provider', 'no-alias']);
  });

  it('trims surrounding whitespace', () => {
    expect(routed(resolveModel('  gpt-4o ', basic))).toBe('openrouter:gpt-4o');
  });
});

describe('alias targets and chains', () => {
  it('crosses providers with a q:model target', () => {
    const c = ctx({
      providers: { openrouter: {}, anthropic: {} },
      defaultProvider: 'openrouter',
      defaults: { haiku: 'anthropic:claude-haiku-4-5' },
    });
    const res = resolveModel('haiku', c);
    expect(routed(res)).toBe('anthropic:claude-haiku-4-5');
    expect(res.trace.map((s) => s.rule)).toContain('provider-prefix');
  });

  it("keeps a bare target on the alias's provider, even with colons in it", () => {
    const c = ctx({
      providers: { openrouter: { coder: 'qwen/qwen3-coder:free' }, openai: {} },
      defaultProvider: 'openai',
    });
    expect(routed(resolveModel('openrouter:coder', c))).toBe('openrouter:qwen/qwen3-coder:free');
  });

  it('keeps a bare [defaults.aliases] target on the provider being resolved for', () => {
    const c = ctx({
      providers: { openrouter: {}, openai: {} },
      defaultProvider: 'openrouter',
      defaults: { fast: 'mini' },
    });
    expect(routed(resolveModel('openai:fast', c))).toBe('openai:mini');
    expect(routed(resolveModel('fast', c))).toBe('openrouter:mini');
  });

  it('follows chains by exact name, on the target provider then [defaults.aliases]', () => {
    const c = ctx({
      providers: {
        openrouter: { sonnet: 'anthropic:best' },
        anthropic: { best: 'claude-sonnet-4-5' },
      },
      defaultProvider: 'openrouter',
      defaults: { 'claude-sonnet-4-5': 'claude-sonnet-4-5-20250929' },
    });
    const res = resolveModel('sonnet', c);
    expect(routed(res)).toBe('anthropic:claude-sonnet-4-5-20250929');
    expect(res.trace.filter((s) => s.rule === 'alias-chain')).toHaveLength(2);
  });

  it('does not substring-match targets', () => {
    const c = ctx({
      providers: { p: { sonnet: 'claude-haiku-x', haiku: 'never' } },
      defaultProvider: 'p',
    });
    expect(routed(resolveModel('sonnet', c))).toBe('p:claude-haiku-x');
  });

  it('ends the chain when a target names the model it came from', () => {
    const c = ctx({
      providers: { openrouter: {}, anthropic: {} },
      defaultProvider: 'openrouter',
      defaults: { 'claude-x': 'anthropic:claude-x' },
    });
    expect(routed(resolveModel('claude-x', c))).toBe('anthropic:claude-x');
    const self = ctx({ providers: { p: { haiku: 'claude-haiku-4-5' } }, defaultProvider: 'p' });
    expect(routed(resolveModel('claude-haiku-4-5', self))).toBe('p:claude-haiku-4-5');
  });

  it('reports a cycle by its names', () => {
    const c = ctx({ providers: { p: { a: 'b', b: 'a' } }, defaultProvider: 'p' });
    const res = resolveModel('a', c);
    expect(failure(res)).toEqual({ kind: 'alias-cycle', cycle: ['a', 'b', 'a'] });
    expect(res.trace.at(-1)).toMatchObject({
      rule: 'error',
      detail: expect.stringContaining('a -> b -> a'),
    });
  });

  it('qualifies the names of a cycle that crosses providers', () => {
    const c = ctx({ providers: { p: { a: 'q:b' }, q: { b: 'p:a' } }, defaultProvider: 'p' });
    expect(failure(resolveModel('a', c))).toEqual({
      kind: 'alias-cycle',
      cycle: ['p:a', 'q:b', 'p:a'],
    });
  });

  it(`follows ${MAX_ALIAS_HOPS} hops and refuses the next one`, () => {
    const chain = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`m${i}`, `m${i + 1}`]));
    expect(
      routed(
        resolveModel('m0', ctx({ providers: { p: chain(MAX_ALIAS_HOPS) }, defaultProvider: 'p' })),
      ),
    ).toBe(`p:m${MAX_ALIAS_HOPS}`);
    const error = failure(
      resolveModel(
        'm0',
        ctx({ providers: { p: chain(MAX_ALIAS_HOPS + 1) }, defaultProvider: 'p' }),
      ),
    );
    expect(error.kind).toBe('too-many-hops');
    expect(error).toMatchObject({ chain: expect.arrayContaining(['m0', `m${MAX_ALIAS_HOPS}`]) });
  });

  it('refuses an empty target', () => {
    const c = ctx({ providers: { p: { x: '' }, q: { y: 'q:' } }, defaultProvider: 'p' });
    expect(failure(resolveModel('x', c)).kind).toBe('empty-model');
    expect(failure(resolveModel('q:y', c)).kind).toBe('empty-model');
  });
});

describe('no provider', () => {
  it('answers no-provider when nothing is configured, whatever the name', () => {
    const none = ctx({});
    expect(failure(resolveModel('haiku', none)).kind).toBe('no-provider');
    expect(failure(resolveModel('openai:gpt-4o', none)).kind).toBe('no-provider');
  });

  it('answers no-provider for a bare name when there is no default provider', () => {
    expect(failure(resolveModel('gpt-4o', ctx({ providers: { openai: {} } }))).kind).toBe(
      'no-provider',
    );
  });

  it('still routes a [defaults.aliases] entry that names its provider', () => {
    const c = ctx({
      providers: { openai: {} },
      defaults: { fast: 'openai:gpt-4o-mini', bare: 'x' },
    });
    expect(routed(resolveModel('fast', c))).toBe('openai:gpt-4o-mini');
    expect(failure(resolveModel('bare', c)).kind).toBe('no-provider');
  });

  it('refuses an empty model', () => {
    expect(failure(resolveModel('', basic)).kind).toBe('empty-model');
    expect(failure(resolveModel('   ', basic)).kind).toBe('empty-model');
  });
});
