import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigSnapshot } from './model.js';
import {
  loadIssues,
  loadOk,
  providerOf,
  removeProjects,
  tempProject,
} from './test-support/config-fixture.js';

const KEY = 'sk-test-FAKE-0000000000001234';
const KEY2 = 'sk-test-FAKE-0000000000005678';

afterEach(removeProjects);

function withEnv(env: Record<string, string>): ConfigSnapshot {
  return loadOk(tempProject().sources({ env }));
}

describe('environment scan', () => {
  it('splits a key list on whitespace, keeping rotation order', () => {
    const openai = providerOf(
      withEnv({ OPENAI_API_KEY: ` ${KEY}  ${KEY2}\tsk-test-FAKE-third-key ` }),
      'openai',
    );
    expect(openai.apiKeys).toEqual([KEY, KEY2, 'sk-test-FAKE-third-key']);
    expect(openai.authMode).toBe('api_key');
    expect(openai.status).toEqual({ kind: 'ready' });
  });

  it('accepts a TOML array of keys too', () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', `[openai]\napi-key = ["${KEY}", "${KEY2}"]\n`);
    expect(providerOf(loadOk(p.sources()), 'openai').apiKeys).toEqual([KEY, KEY2]);
  });

  it('turns sentinels into auth modes with no keys', () => {
    const s = withEnv({ ANTHROPIC_API_KEY: '!PASSTHRU', OPENAI_API_KEY: '!OAUTH' });
    expect(providerOf(s, 'anthropic')).toMatchObject({ authMode: 'passthrough', apiKeys: [] });
    expect(providerOf(s, 'openai')).toMatchObject({ authMode: 'oauth', apiKeys: [] });
    expect(providerOf(s, 'anthropic').sources['auth-mode']).toEqual({
      layer: 'env',
      where: 'ANTHROPIC_API_KEY',
    });
  });

  it('rejects a sentinel mixed with keys, naming the variable', () => {
    const issues = loadIssues(
      tempProject().sources({ env: { OPENAI_API_KEY: `!PASSTHRU ${KEY}` } }),
    );
    expect(issues).toEqual([
      {
        kind: 'invalid-value',
        where: 'OPENAI_API_KEY',
        message: expect.stringMatching(/mixes the sentinel !PASSTHRU/),
      },
    ]);
  });

  it('rejects a sentinel mixed with keys in TOML, naming file and line', () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', `[openai]\n\napi-key = "${KEY} !OAUTH"\n`);
    expect(loadIssues(p.sources())).toEqual([
      {
        kind: 'invalid-value',
        where: `${file}:3`,
        message: expect.stringMatching(/^api-key mixes the sentinel !OAUTH/),
      },
    ]);
  });

  it('ignores PROXY_API_KEY as a provider but uses it as the proxy key', () => {
    const s = withEnv({ PROXY_API_KEY: 'client-secret-000000', OPENAI_API_KEY: KEY });
    expect([...s.providers.keys()]).toEqual(['openai']);
    expect(s.globals.proxyApiKey).toBe('client-secret-000000');
  });

  it('names a provider by its lower-cased prefix', () => {
    const s = withEnv({
      AZURE_OPENAI_API_KEY: KEY,
      AZURE_OPENAI_BASE_URL: 'https://me.openai.azure.com',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    });
    expect(providerOf(s, 'azure_openai')).toMatchObject({
      baseUrl: 'https://me.openai.azure.com',
      apiVersion: '2024-10-21',
      status: { kind: 'ready' },
    });
  });

  it('reads every per-provider variable', () => {
    const openai = providerOf(
      withEnv({
        OPENAI_API_KEY: KEY,
        OPENAI_BASE_URL: 'https://gw.example/v1/',
        OPENAI_API_FORMAT: 'Responses',
        OPENAI_TIMEOUT: '30',
        OPENAI_MAX_RETRIES: '4',
        OPENAI_CONNECT_TIMEOUT: '3',
        OPENAI_STREAM_IDLE_TIMEOUT: '45',
      }),
      'openai',
    );
    expect(openai).toMatchObject({
      baseUrl: 'https://gw.example/v1',
      apiFormat: 'responses',
      requestTimeoutMs: 30_000,
      maxRetries: 4,
      connectTimeoutMs: 3_000,
      streamIdleTimeoutMs: 45_000,
    });
    expect(openai.sources['max-retries']).toEqual({ layer: 'env', where: 'OPENAI_MAX_RETRIES' });
  });

  it("applies CUSTOM_HEADER_* to every provider, the provider's own header winning", () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[anthropic.headers]\nx-team = "from-toml"\n');
    const s = loadOk(
      p.sources({
        env: {
          OPENAI_API_KEY: KEY,
          ANTHROPIC_API_KEY: KEY2,
          CUSTOM_HEADER_X_TEAM: 'global',
          CUSTOM_HEADER_X_ORG: 'acme',
          OPENAI_CUSTOM_HEADER_X_TEAM: 'openai-only',
          OPENAI_CUSTOM_HEADER_HTTP_REFERER: 'https://example.dev',
        },
      }),
    );
    expect(providerOf(s, 'openai').headers).toEqual({
      'X-TEAM': 'openai-only',
      'HTTP-REFERER': 'https://example.dev',
      'X-ORG': 'acme',
    });
    expect(providerOf(s, 'anthropic').headers).toEqual({ 'x-team': 'from-toml', 'X-ORG': 'acme' });
    expect(providerOf(s, 'openai').sources['headers.X-ORG']).toEqual({
      layer: 'env',
      where: 'CUSTOM_HEADER_X_ORG',
    });
  });

  it('does not take a header variable ending in _API_KEY for a provider', () => {
    const s = withEnv({
      OPENAI_API_KEY: KEY,
      OPENAI_CUSTOM_HEADER_X_API_KEY: 'abc',
      CUSTOM_HEADER_X_API_KEY: 'def',
    });
    expect([...s.providers.keys()]).toEqual(['openai']);
    expect(providerOf(s, 'openai').headers).toEqual({ 'X-API-KEY': 'abc' });
  });

  it('reads alias variables case-insensitively, the environment beating TOML', () => {
    const p = tempProject();
    p.write(
      'work/vandamme-config.toml',
      '[fake]\napi-key = "k"\nbase-url = "https://fake.example/v1"\n[fake.aliases]\nhaiku = "toml-haiku"\nSonnet = "toml-sonnet"\n',
    );
    const fake = providerOf(loadOk(p.sources({ env: { FAKE_ALIAS_HAIKU: 'env-haiku' } })), 'fake');
    expect(fake.aliases['haiku']).toEqual({
      target: 'env-haiku',
      source: { layer: 'env', where: 'FAKE_ALIAS_HAIKU' },
    });
    expect(fake.aliases['sonnet']?.target).toBe('toml-sonnet');
  });

  it('only reads provider variables of providers that exist', () => {
    const s = withEnv({
      NPM_CONFIG_FETCH_TIMEOUT: 'soon',
      OPENAI_TIMEOUT: 'abc',
      OPENAI_BASE_URL: 'https://x.example/v1',
    });
    expect(s.providers.size).toBe(0);
  });

  it('treats an empty variable as unset', () => {
    expect(withEnv({ OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '   ' }).providers.size).toBe(0);
  });
});

describe('auth-mode precedence: env, then sentinel, then TOML', () => {
  it('lets {P}_AUTH_MODE beat a sentinel', () => {
    const s = withEnv({ OPENAI_API_KEY: '!OAUTH', OPENAI_AUTH_MODE: 'passthrough' });
    expect(providerOf(s, 'openai').authMode).toBe('passthrough');
  });

  it('lets a sentinel beat TOML auth-mode, and TOML apply without one', () => {
    const p = tempProject();
    p.write(
      'work/vandamme-config.toml',
      '[openai]\nauth-mode = "oauth"\n[anthropic]\nauth-mode = "passthrough"\n',
    );
    const s = loadOk(p.sources({ env: { OPENAI_API_KEY: '!PASSTHRU' } }));
    expect(providerOf(s, 'openai').authMode).toBe('passthrough');
    expect(providerOf(s, 'anthropic').authMode).toBe('passthrough');
    expect(providerOf(s, 'anthropic').sources['auth-mode']?.layer).toBe('local');
  });

  it('rejects an unknown auth mode', () => {
    expect(loadIssues(tempProject().sources({ env: { OPENAI_AUTH_MODE: 'magic' } }))).toEqual([
      {
        kind: 'invalid-value',
        where: 'OPENAI_AUTH_MODE',
        message: expect.stringMatching(/api_key, passthrough, oauth.*"magic"/),
      },
    ]);
  });
});

describe('partial providers (listed with a reason, never a load error)', () => {
  it('lacks a base URL', () => {
    const s = withEnv({ TAVILY_API_KEY: 'x', AZURE_API_KEY: KEY });
    expect(providerOf(s, 'tavily').status).toEqual({
      kind: 'partial',
      reason: 'no base URL: set TAVILY_BASE_URL or base-url under [tavily]',
    });
    expect(providerOf(s, 'azure').status.kind).toBe('partial');
    expect(providerOf(s, 'azure').baseUrl).toBeUndefined();
  });

  it('names an unknown api-format and where it came from', () => {
    const s = withEnv({
      FOO_API_KEY: KEY,
      FOO_BASE_URL: 'https://foo.example/v1',
      FOO_API_FORMAT: 'foo',
    });
    expect(providerOf(s, 'foo').status).toEqual({
      kind: 'partial',
      reason:
        'unknown api-format "foo" (expected openai, anthropic or responses) from FOO_API_FORMAT',
    });
  });

  it('rejects a base URL that is not http(s)', () => {
    const s = withEnv({ OPENAI_API_KEY: KEY, OPENAI_BASE_URL: 'ftp://files.example' });
    expect(providerOf(s, 'openai').status).toEqual({
      kind: 'partial',
      reason: expect.stringMatching(
        /"ftp:\/\/files.example" from OPENAI_BASE_URL is not an http\(s\) URL/,
      ),
    });
  });

  it('needs a key in api_key mode', () => {
    const p = tempProject();
    p.write(
      'work/vandamme-config.toml',
      '[mine]\nauth-mode = "api_key"\nbase-url = "https://mine.example/v1"\n',
    );
    expect(providerOf(loadOk(p.sources()), 'mine').status).toEqual({
      kind: 'partial',
      reason: expect.stringMatching(/^no API key.*MINE_API_KEY/),
    });
  });

  it('refuses a base URL that points at the proxy itself', () => {
    const s = withEnv({ ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: 'http://127.0.0.1:8082' });
    expect(providerOf(s, 'anthropic').status).toEqual({
      kind: 'partial',
      reason: expect.stringMatching(/points at this proxy itself/),
    });
  });

  it('joins several reasons', () => {
    const s = withEnv({ BAR_API_KEY: KEY, BAR_API_FORMAT: 'grpc' });
    const status = providerOf(s, 'bar').status;
    expect(status.kind === 'partial' && status.reason).toMatch(
      /no base URL.*; unknown api-format "grpc"/,
    );
  });
});
