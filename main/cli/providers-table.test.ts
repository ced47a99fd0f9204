import { describe, expect, it } from 'vitest';
import type { ProviderName } from '../../shared/domain/provider.js';
import type {
  ConfigSnapshot,
  DefaultProviderChoice,
  GlobalSettings,
  ProviderConfig,
} from '../config/model.js';
import { keyHash } from '../config/secret-hint.js';
import { healthUrl, type LiveHealth } from './providers-live-health.js';
import { providersReport } from './providers-report.js';
import { renderProvidersTable } from './providers-table.js';
import { providerConfig } from '../test-support/provider-config.js';

const KEY_1 = 'sk-test-FAKE-0000000000001234';
const KEY_2 = 'sk-test-FAKE-0000000000005678';
const SHORT = 'fake-short';

const globals: GlobalSettings = {
  host: '127.0.0.1',
  port: 8082,
  logLevel: 'info',
  proxyApiKey: undefined,
  requestTimeoutMs: 90_000,
  connectTimeoutMs: 10_000,
  streamIdleTimeoutMs: 60_000,
  maxRetries: 2,
  cooldownMaxMs: 300_000,
  cooldownDefaultMs: 5_000,
  quotaCooldownMs: 3_600_000,
  maxBodyBytes: 32 * 1024 * 1024,
  secretStore: 'memory',
  vdmHome: '/tmp/vdm-test-home',
};

const provider = providerConfig;

function snapshot(
  list: readonly ProviderConfig[],
  defaultProvider: DefaultProviderChoice,
): ConfigSnapshot {
  const where = { layer: 'built-in', where: '' } as const;
  const globalSources = Object.fromEntries(
    Object.keys(globals).map((k) => [k, where]),
  ) as ConfigSnapshot['globalSources'];
  return {
    globals,
    globalSources,
    providers: new Map(list.map((p) => [p.name, p])),
    defaultProvider,
    defaultAliases: {},
    notices: [],
    files: [],
  };
}

const config = snapshot(
  [
    provider('openrouter', { apiKeys: [KEY_1, KEY_2] }),
    provider('anthropic', {
      apiFormat: 'anthropic',
      apiKeys: [SHORT],
      baseUrl: 'https://api.anthropic.com',
    }),
    provider('azure', {
      apiKeys: [KEY_1],
      baseUrl: undefined,
      status: { kind: 'partial', reason: 'no base URL: set AZURE_BASE_URL' },
    }),
    provider('chatgpt', {
      apiFormat: 'responses',
      authMode: 'oauth',
      baseUrl: 'https://chatgpt.com/backend-api/codex',
    }),
    provider('relay', { authMode: 'passthrough' }),
    provider('ollama', { baseUrl: 'http://localhost:11434/v1' }),
  ],
  {
    kind: 'configured',
    name: 'openrouter' as ProviderName,
    source: { layer: 'env', where: 'VDM_DEFAULT_PROVIDER' },
  },
);

function expectNoKeys(text: string): void {
  for (const key of [KEY_1, KEY_2, SHORT]) expect(text).not.toContain(key);
}

describe('renderProvidersTable', () => {
  it('lists every provider with status, default and oauth marks, format, base URL and key hashes', () => {
    const text = renderProvidersTable(config);
    const lines = text.split('\n');
    const line = (name: string) => lines.find((l) => l.includes(` ${name}`)) ?? '';
    expect(lines[0]).toMatch(/^\s+NAME\s+FORMAT\s+BASE URL\s+KEYS$/);
    expect(line('openrouter *')).toMatch(
      /^✓ {2}openrouter \* +openai +https:\/\/openrouter\.example\.test\/v1 +2 \(#[0-9a-f]{8}, #[0-9a-f]{8}\)$/,
    );
    expect(line('openrouter')).toContain(`#${keyHash(KEY_1)}, #${keyHash(KEY_2)}`);
    expect(line('anthropic')).toContain(`1 (#${keyHash(SHORT)})`);
    expect(line('azure')).toMatch(/^! {2}azure .*\(none\)/);
    expect(line('chatgpt 🔐')).toMatch(/responses .* sign-in$/);
    const signedIn = renderProvidersTable(
      config,
      undefined,
      (name) =>
        name === 'chatgpt'
          ? { kind: 'signed-in', expiresAt: 1_000 + 30 * 60_000, account: 'me@example.test' }
          : undefined,
      1_000,
    );
    expect(signedIn).toMatch(/chatgpt 🔐 .* signed in as me@example\.test \(token 30m left\)/);
    const expired = renderProvidersTable(config, undefined, () => ({ kind: 'expired', since: 1 }));
    expect(expired).toMatch(/chatgpt 🔐 .* sign-in expired/);
    expect(line('relay')).toMatch(/passthrough$/);
    expect(line('ollama')).toMatch(/none needed$/);
    expect(text).toContain('! azure: no base URL: set AZURE_BASE_URL');
    expect(text).toContain('* default provider: openrouter (from VDM_DEFAULT_PROVIDER)');
    expect(text).toContain(
      'health: not running (nothing answered at http://127.0.0.1:8082/health)',
    );
    expectNoKeys(text);
  });

  it('aligns columns even with the two-column-wide 🔐', () => {
    const lines = renderProvidersTable(config)
      .split('\n')
      .filter((l) => /^[✓!] {2}/.test(l));
    const urlColumn = lines.map((l) => {
      const [before] = l.split(/https?:|\(none\)/);
      return [...(before ?? '')].reduce(
        (w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x1f000 ? 2 : 1),
        0,
      );
    });
    expect(lines).toHaveLength(6);
    expect(new Set(urlColumn).size).toBe(1);
  });

  it('explains a fallback default and no default', () => {
    const fallback = snapshot([...config.providers.values()], {
      kind: 'fallback',
      name: 'anthropic' as ProviderName,
      reason: 'the configured default "gemini" is not loaded',
    });
    expect(renderProvidersTable(fallback)).toContain(
      '* default provider: anthropic (the configured default "gemini" is not loaded)',
    );
    const none = snapshot([provider('azure', { status: { kind: 'partial', reason: 'x' } })], {
      kind: 'none',
      reason: 'no provider is ready',
    });
    expect(renderProvidersTable(none)).toContain('No default provider: no provider is ready');
  });

  it('says how to add a provider when there is none', () => {
    expect(renderProvidersTable(snapshot([], { kind: 'none', reason: 'none' }))).toContain(
      'OPENAI_API_KEY',
    );
  });

  it('merges live key health from a running proxy, matched by key hash', () => {
    const checkedAt = 1_000_000;
    const live: LiveHealth = {
      kind: 'running',
      url: 'http://127.0.0.1:8082/health',
      checkedAt,
      providers: [
        {
          name: 'openrouter',
          keys: [
            {
              hint: '…5678',
              hash: keyHash(KEY_2),
              status: { kind: 'cooling-down', until: checkedAt + 12_000, failures: 1 },
            },
            { hint: '…1234', hash: keyHash(KEY_1), status: { kind: 'healthy' } },
          ],
        },
        {
          name: 'anthropic',
          keys: [
            {
              hint: '#abcdef',
              hash: keyHash(SHORT),
              status: { kind: 'invalid', httpStatus: 401, since: 0 },
            },
          ],
        },
      ],
    };
    const text = renderProvidersTable(config, live);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/KEYS\s+HEALTH$/);
    expect(lines.find((l) => l.includes('openrouter *'))).toMatch(/ok, cooling down \(12s left\)$/);
    expect(lines.find((l) => l.includes(' anthropic'))).toMatch(/invalid \(401\)$/);
    expect(lines.find((l) => l.includes(' azure'))).toMatch(/ \?$/);
    expect(lines.find((l) => l.includes(' relay'))).toMatch(/ -$/);
    expect(text).toContain('health: live from the proxy at http://127.0.0.1:8082/health');
    expectNoKeys(text);
  });

  it('says when something else answers at the health URL', () => {
    const text = renderProvidersTable(config, {
      kind: 'unreadable',
      url: 'http://127.0.0.1:8082/health',
      reason: 'HTTP 404',
    });
    expect(text).toContain('not a vdm proxy (HTTP 404)');
  });
});

describe('providersReport', () => {
  it('holds hints and hashes but never a key (it is printed by --json)', () => {
    const json = JSON.stringify(providersReport(config));
    expectNoKeys(json);
    expect(json).toContain('…1234');
  });
});

describe('healthUrl', () => {
  it('reaches wildcard and IPv6 listen addresses', () => {
    expect(healthUrl('0.0.0.0', 8082)).toBe('http://127.0.0.1:8082/health');
    expect(healthUrl('::', 9000)).toBe('http://[::1]:9000/health');
    expect(healthUrl('::1', 9000)).toBe('http://[::1]:9000/health');
    expect(healthUrl('localhost', 1)).toBe('http://localhost:1/health');
  });
});
