import { describe, expect, it } from 'vitest';
import { ADMIN_OPERATIONS, adminEventSchema, adminOperations } from './contract.js';
import { BRIDGE_METHODS, bridgeMethodName } from './bridge.js';

const parse = <Op extends keyof typeof adminOperations>(op: Op, input: unknown) =>
  adminOperations[op].input.safeParse(input);

describe('admin contract schemas', () => {
  it('names every operation the issue lists', () => {
    expect(ADMIN_OPERATIONS).toEqual(
      expect.arrayContaining([
        'providers.list',
        'providers.add',
        'providers.edit',
        'providers.remove',
        'providers.test',
        'keys.add',
        'keys.remove',
        'keys.resetHealth',
        'aliases.list',
        'aliases.set',
        'aliases.remove',
        'aliases.resolve',
        'defaultProvider.set',
        'settings.get',
        'settings.set',
        'activity.recent',
        'oauth.status',
      ]),
    );
  });

  it('normalises provider names like CONFIG.md and refuses a colon', () => {
    expect(parse('providers.remove', { name: ' OpenRouter ' })).toMatchObject({
      success: true,
      data: { name: 'openrouter' },
    });
    expect(parse('providers.remove', { name: 'a:b' }).success).toBe(false);
    expect(parse('providers.remove', { name: '' }).success).toBe(false);
  });

  it('takes pasted keys trimmed, one key per entry, no sentinels', () => {
    const ok = parse('keys.add', { provider: 'fake', keys: ['  sk-test-FAKE-1\n'] });
    expect(ok).toMatchObject({ success: true, data: { keys: ['sk-test-FAKE-1'] } });
    const spaced = parse('keys.add', { provider: 'fake', keys: ['sk-test-FAKE-1 sk-test-FAKE-2'] });
    expect(spaced.success).toBe(false);
    expect(JSON.stringify(spaced.error?.issues)).toContain('one per line');
    expect(parse('keys.add', { provider: 'fake', keys: ['!OAUTH'] }).success).toBe(false);
    expect(parse('keys.add', { provider: 'fake', keys: [] }).success).toBe(false);
  });

  it('accepts http(s) base URLs only, and null to clear one', () => {
    expect(
      parse('providers.add', { name: 'x', baseUrl: 'https://api.example.com/v1' }).success,
    ).toBe(true);
    expect(parse('providers.add', { name: 'x', baseUrl: 'file:///etc/passwd' }).success).toBe(
      false,
    );
    expect(parse('providers.edit', { name: 'x', baseUrl: null }).success).toBe(true);
  });

  it('refuses unknown fields, so a typo is an error rather than silently ignored', () => {
    expect(parse('providers.add', { name: 'x', baseURL: 'https://a.example' }).success).toBe(false);
    expect(parse('settings.get', { extra: 1 }).success).toBe(false);
  });

  it('bounds settings: ports, token length', () => {
    expect(parse('settings.set', { port: 70_000 }).success).toBe(false);
    expect(parse('settings.set', { clientToken: 'short' }).success).toBe(false);
    expect(parse('settings.set', { clientToken: null, launchAtLogin: true }).success).toBe(true);
  });

  it('describes pushed events', () => {
    expect(adminEventSchema.safeParse({ kind: 'changed', what: 'keys' }).success).toBe(true);
    expect(adminEventSchema.safeParse({ kind: 'changed', what: 'everything' }).success).toBe(false);
  });

  it('gives the preload one named method per operation', () => {
    expect(bridgeMethodName('providers.list')).toBe('providersList');
    expect(bridgeMethodName('keys.resetHealth')).toBe('keysResetHealth');
    expect(new Set(BRIDGE_METHODS.map((m) => m.method)).size).toBe(ADMIN_OPERATIONS.length);
  });
});
