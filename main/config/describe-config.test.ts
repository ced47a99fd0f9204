import { afterEach, describe, expect, it } from 'vitest';
import { describeConfig, maskUrl } from './describe-config.js';
import { loadConfig } from './load-config.js';
import type { ConfigSnapshot } from './model.js';
import { keyHint } from './secret-hint.js';
import { removeProjects, tempProject } from './test-support/config-fixture.js';

afterEach(removeProjects);

const LONG_KEY = 'sk-test-FAKE-0000000000001234';
const LONG_KEY2 = 'sk-test-FAKE-0000000000005678';
const SHORT_KEY = 'fake-short';
const PROXY_KEY = 'proxy-FAKE-000000000000aaaa';
const HEADER_TOKEN = 'Bearer FAKE-header-token-0000bbbb';
const URL_PASSWORD = 'FAKEPASSWORD99';

function snapshot(): ConfigSnapshot {
  const p = tempProject();
  p.write(
    'work/vandamme-config.toml',
    [
      '[defaults]',
      'port = 9000',
      '[defaults.aliases]',
      'haiku = "openai:gpt-4o-mini"',
      '[openai.headers]',
      `Authorization = "${HEADER_TOKEN}"`,
      'X-Title = "vdm"',
      '[mine]',
      `api-key = "${SHORT_KEY}"`,
      `base-url = "https://user:${URL_PASSWORD}@mine.example/v1?key=${URL_PASSWORD}"`,
    ].join('\n'),
  );
  const result = loadConfig(
    p.sources({
      env: {
        OPENAI_API_KEY: `${LONG_KEY} ${LONG_KEY2}`,
        PROXY_API_KEY: PROXY_KEY,
        OPENAI_ALIAS_SONNET: 'gpt-4o',
      },
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('describeConfig', () => {
  it('never contains a full secret', () => {
    const text = JSON.stringify(describeConfig(snapshot()));
    for (const secret of [LONG_KEY, LONG_KEY2, SHORT_KEY, PROXY_KEY, HEADER_TOKEN, URL_PASSWORD]) {
      expect(text).not.toContain(secret);
    }
  });

  it('shows keys as hints, with where they came from', () => {
    const entries = describeConfig(snapshot());
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('openai.api-key')).toEqual({
      path: 'openai.api-key',
      value: '…1234 …5678',
      layer: 'env',
      where: 'OPENAI_API_KEY',
    });
    expect(byPath.get('mine.api-key')?.value).toBe(keyHint(SHORT_KEY));
    expect(byPath.get('mine.api-key')?.value).toMatch(/^#[0-9a-f]{6}$/);
    expect(byPath.get('defaults.proxy-api-key')?.value).toBe('…aaaa');
    expect(byPath.get('openai.headers.Authorization')?.value).toBe('…bbbb');
    expect(byPath.get('openai.headers.X-Title')?.value).toBe('vdm');
    expect(byPath.get('mine.base-url')?.value).toBe('https://***:***@mine.example/v1?key=***');
  });

  it('flattens globals, aliases and provider fields with their sources', () => {
    const byPath = new Map(describeConfig(snapshot()).map((e) => [e.path, e]));
    expect(byPath.get('defaults.port')).toMatchObject({
      value: '9000',
      layer: 'local',
      where: expect.stringMatching(/vandamme-config\.toml:2$/),
    });
    expect(byPath.get('defaults.request-timeout')).toMatchObject({
      value: '90s',
      layer: 'built-in',
    });
    expect(byPath.get('defaults.max-body-size')?.value).toBe('32mb');
    expect(byPath.get('defaults.aliases.haiku')?.value).toBe('openai:gpt-4o-mini');
    expect(byPath.get('openai.aliases.sonnet')).toMatchObject({
      value: 'gpt-4o',
      layer: 'env',
      where: 'OPENAI_ALIAS_SONNET',
    });
    expect(byPath.get('openai.base-url')).toMatchObject({
      value: 'https://api.openai.com/v1',
      layer: 'defaults',
    });
    expect(byPath.get('defaults.default-provider')).toMatchObject({
      value: 'mine (fallback)',
      layer: 'built-in',
    });
  });
});

describe('maskUrl', () => {
  it('leaves URLs without credentials exactly as written', () => {
    expect(maskUrl('https://api.anthropic.com')).toBe('https://api.anthropic.com');
    expect(maskUrl('not a url')).toBe('not a url');
  });
});
