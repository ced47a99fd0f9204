import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderName } from '../../shared/domain/provider.js';
import type { ConfigSnapshot } from './model.js';
import { loadOk, providerOf, removeProjects, tempProject } from './test-support/config-fixture.js';

const KEY = 'sk-test-FAKE-0000000000001234';
const KEY2 = 'sk-test-FAKE-0000000000005678';

afterEach(removeProjects);

function withEnv(env: Record<string, string>): ConfigSnapshot {
  return loadOk(tempProject().sources({ env }));
}

describe('keyless presets', () => {
  it('does not create presets nobody asked for', () => {
    expect(withEnv({ OLLAMA_HOST: '0.0.0.0', OLLAMA_MODELS: '/models' }).providers.size).toBe(0);
  });

  it('creates ollama from any of its variables, with no key', () => {
    const ollama = providerOf(withEnv({ OLLAMA_BASE_URL: 'http://localhost:9999/v1' }), 'ollama');
    expect(ollama).toMatchObject({
      baseUrl: 'http://localhost:9999/v1',
      authMode: 'api_key',
      apiKeys: [],
      status: { kind: 'ready' },
    });
    expect(providerOf(withEnv({ OLLAMA_ALIAS_CODER: 'qwen2.5-coder:7b' }), 'ollama').baseUrl).toBe(
      'http://localhost:11434/v1',
    );
  });

  it('creates lmstudio from an empty section in a user file', () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[lmstudio]\n');
    expect(providerOf(loadOk(p.sources()), 'lmstudio')).toMatchObject({
      baseUrl: 'http://localhost:1234/v1',
      status: { kind: 'ready' },
    });
  });

  it('creates a keyless preset named as the default provider', () => {
    const s = withEnv({ VDM_DEFAULT_PROVIDER: 'ollama' });
    expect(s.defaultProvider).toMatchObject({ kind: 'configured', name: 'ollama' });
  });

  it('lets users declare their own keyless server', () => {
    const p = tempProject();
    p.write(
      'work/vandamme-config.toml',
      '[llamacpp]\nbase-url = "http://localhost:8080/v1"\nkeyless = true\n',
    );
    expect(providerOf(loadOk(p.sources()), 'llamacpp').status).toEqual({ kind: 'ready' });
  });

  it('treats the chatgpt sign-in preset the same way', () => {
    expect(withEnv({ OPENAI_API_KEY: KEY }).providers.has('chatgpt' as ProviderName)).toBe(false);
    const chatgpt = providerOf(withEnv({ CHATGPT_ALIAS_SONNET: 'gpt-5' }), 'chatgpt');
    expect(chatgpt).toMatchObject({
      authMode: 'oauth',
      apiFormat: 'responses',
      baseUrl: 'https://chatgpt.com/backend-api/codex',
      status: { kind: 'ready' },
    });
  });

  it('tells the user about a section that made no provider', () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[openrouter]\ntimeout = 5\n');
    const s = loadOk(p.sources());
    expect(s.providers.size).toBe(0);
    expect(s.notices).toContainEqual(
      expect.stringContaining(`[openrouter] at ${file}:1 has no api-key or auth-mode`),
    );
  });
});

describe('presets', () => {
  it('ship base URL and format but never keys', () => {
    const s = withEnv({ ANTHROPIC_API_KEY: KEY, KIMI_API_KEY: KEY2 });
    expect(providerOf(s, 'anthropic')).toMatchObject({
      apiFormat: 'anthropic',
      baseUrl: 'https://api.anthropic.com',
    });
    expect(providerOf(s, 'anthropic').sources['base-url']?.layer).toBe('defaults');
    expect(providerOf(s, 'kimi')).toMatchObject({
      toolNameSanitization: true,
      reasoningContentPassthrough: true,
    });
  });

  it('let a user file override one preset key', () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[anthropic]\napi-format = "openai"\n');
    const anthropic = providerOf(
      loadOk(p.sources({ env: { ANTHROPIC_API_KEY: KEY } })),
      'anthropic',
    );
    expect(anthropic).toMatchObject({ apiFormat: 'openai', baseUrl: 'https://api.anthropic.com' });
  });
});
