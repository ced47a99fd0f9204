import { afterEach, describe, expect, it } from 'vitest';
import { loadOk, removeProjects, tempProject } from './test-support/config-fixture.js';

const KEY = 'sk-test-FAKE-0000000000001234';

afterEach(removeProjects);

describe('default provider', () => {
  it('lets VDM_DEFAULT_PROVIDER win over [defaults] default-provider', () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[defaults]\ndefault-provider = "openai"\n');
    const s = loadOk(
      p.sources({
        env: { VDM_DEFAULT_PROVIDER: 'Anthropic', OPENAI_API_KEY: KEY, ANTHROPIC_API_KEY: KEY },
      }),
    );
    expect(s.defaultProvider).toEqual({
      kind: 'configured',
      name: 'anthropic',
      source: { layer: 'env', where: 'VDM_DEFAULT_PROVIDER' },
    });
  });

  it("uses the highest file layer's default-provider without the variable", () => {
    const p = tempProject();
    p.write(
      'home/.config/vandamme-proxy/vandamme-config.toml',
      '[defaults]\ndefault-provider = "anthropic"\n',
    );
    const local = p.write('work/vandamme-config.toml', '[defaults]\ndefault-provider = "openai"\n');
    const s = loadOk(p.sources({ env: { OPENAI_API_KEY: KEY, ANTHROPIC_API_KEY: KEY } }));
    expect(s.defaultProvider).toEqual({
      kind: 'configured',
      name: 'openai',
      source: { layer: 'local', where: `${local}:2` },
    });
    expect(s.notices).toEqual([]);
  });

  it('falls back to the first configured provider alphabetically, saying why', () => {
    const p = tempProject();
    const local = p.write(
      'work/vandamme-config.toml',
      '[defaults]\ndefault-provider = "openrouter"\n',
    );
    const s = loadOk(
      p.sources({ env: { OPENAI_API_KEY: KEY, ANTHROPIC_API_KEY: KEY, TAVILY_API_KEY: 'x' } }),
    );
    const reason = `default provider "openrouter" (from ${local}:2) is not configured; using "anthropic", the first configured provider alphabetically`;
    expect(s.defaultProvider).toEqual({ kind: 'fallback', name: 'anthropic', reason });
    expect(s.notices).toContain(reason);
  });

  it('skips partial providers, including a partial default', () => {
    const s = loadOk(
      tempProject().sources({
        env: {
          VDM_DEFAULT_PROVIDER: 'aaa',
          AAA_API_KEY: 'x',
          ZED_API_KEY: 'x',
          ZED_BASE_URL: 'https://zed.example/v1',
        },
      }),
    );
    expect(s.defaultProvider).toEqual({
      kind: 'fallback',
      name: 'zed',
      reason: expect.stringMatching(
        /^default provider "aaa" \(from VDM_DEFAULT_PROVIDER\) is not ready \(no base URL.*\); using "zed"/,
      ),
    });
  });

  it('falls back without a configured default too', () => {
    const s = loadOk(tempProject().sources({ env: { OPENAI_API_KEY: KEY } }));
    expect(s.defaultProvider).toMatchObject({
      kind: 'fallback',
      name: 'openai',
      reason: expect.stringMatching(/no default provider set/),
    });
  });

  it('is none with the fix when no provider is ready', () => {
    const s = loadOk(tempProject().sources());
    expect(s.defaultProvider).toEqual({
      kind: 'none',
      reason:
        'no provider is configured: set a {PROVIDER}_API_KEY variable such as OPENAI_API_KEY, or add a provider to vandamme-config.toml',
    });
    const partialOnly = loadOk(tempProject().sources({ env: { TAVILY_API_KEY: 'x' } }));
    expect(partialOnly.defaultProvider).toMatchObject({
      kind: 'none',
      reason: expect.stringMatching(/no provider is ready \(tavily: no base URL/),
    });
  });
});
