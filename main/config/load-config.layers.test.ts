import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigSources } from './model.js';
import {
  type Project,
  loadOk,
  providerOf,
  removeProjects,
  tempProject,
} from './test-support/config-fixture.js';

const KEY = 'sk-test-FAKE-0000000000001234';
const USER_TOML = 'home/.config/vandamme-proxy/vandamme-config.toml';

afterEach(removeProjects);

const LAYERS = ['env', 'dotenv', 'local', 'user', 'app', 'defaults'] as const;
type Layer = (typeof LAYERS)[number];

/** Sets openai's base-url in every layer listed, so the highest one must win. */
function everyLayer(p: Project, present: readonly Layer[]): ConfigSources {
  const env: Record<string, string> = { OPENAI_API_KEY: KEY };
  if (present.includes('env')) env['OPENAI_BASE_URL'] = 'https://env.example/v1';
  if (present.includes('dotenv'))
    p.write('work/.env', 'OPENAI_BASE_URL=https://dotenv.example/v1\n');
  if (present.includes('local'))
    p.write('work/vandamme-config.toml', '[openai]\nbase-url = "https://local.example/v1"\n');
  if (present.includes('user'))
    p.write(USER_TOML, '# mine\n[openai]\nbase-url = "https://user.example/v1"\n');
  const app = present.includes('app')
    ? { openai: { 'base-url': 'https://app.example/v1' } }
    : undefined;
  return p.sources({
    env,
    appSettings: app,
    appSettingsPath: path.join(p.root, 'data', 'settings.json'),
  });
}

describe('layer precedence: env > .env > local > user > app > defaults', () => {
  const expected: Record<Layer, { url: string; where: (p: Project) => string | RegExp }> = {
    env: { url: 'https://env.example/v1', where: () => 'OPENAI_BASE_URL' },
    dotenv: {
      url: 'https://dotenv.example/v1',
      where: (p) => `OPENAI_BASE_URL (${path.join(p.cwd, '.env')}:1)`,
    },
    local: {
      url: 'https://local.example/v1',
      where: (p) => `${path.join(p.cwd, 'vandamme-config.toml')}:2`,
    },
    user: { url: 'https://user.example/v1', where: (p) => `${path.join(p.root, USER_TOML)}:3` },
    app: {
      url: 'https://app.example/v1',
      where: (p) => `${path.join(p.root, 'data', 'settings.json')}#openai.base-url`,
    },
    defaults: { url: 'https://api.openai.com/v1', where: () => /defaults\.toml:\d+$/ },
  };
  it.each(LAYERS.map((layer, i) => [layer, LAYERS.slice(i)] as const))(
    '%s wins over every lower layer',
    (layer, present) => {
      const p = tempProject();
      const openai = providerOf(loadOk(everyLayer(p, present)), 'openai');
      expect(openai.baseUrl).toBe(expected[layer].url);
      expect(openai.sources['base-url']?.layer).toBe(layer);
      const where = expected[layer].where(p);
      if (typeof where === 'string') expect(openai.sources['base-url']?.where).toBe(where);
      else expect(openai.sources['base-url']?.where).toMatch(where);
    },
  );
});

describe('merge rules', () => {
  it('merges provider scalar keys per key, aliases and headers per entry', () => {
    const p = tempProject();
    p.write(
      USER_TOML,
      '[openai]\ntimeout = 30\n[openai.aliases]\nhaiku = "user-haiku"\nsonnet = "user-sonnet"\n[openai.headers]\nX-Team = "user"\nX-User = "u"\n',
    );
    p.write(
      'work/vandamme-config.toml',
      '[openai]\nmax-retries = 5\n[openai.aliases]\nHAIKU = "local-haiku"\n[openai.headers]\nx-team = "local"\n',
    );
    const s = loadOk(
      p.sources({
        env: { OPENAI_API_KEY: KEY, OPENAI_ALIAS_SONNET: 'env-sonnet' },
        appSettings: { openai: { aliases: { opus: 'app-opus', haiku: 'app-haiku' } } },
      }),
    );
    const openai = providerOf(s, 'openai');
    expect(openai.requestTimeoutMs).toBe(30_000);
    expect(openai.maxRetries).toBe(5);
    expect(
      Object.fromEntries(Object.entries(openai.aliases).map(([k, v]) => [k, v.target])),
    ).toEqual({
      haiku: 'local-haiku',
      sonnet: 'env-sonnet',
      opus: 'app-opus',
    });
    expect(openai.aliases['sonnet']?.source).toEqual({
      layer: 'env',
      where: 'OPENAI_ALIAS_SONNET',
    });
    expect(openai.headers).toEqual({ 'x-team': 'local', 'X-User': 'u' });
    expect(openai.sources['headers.x-team']?.layer).toBe('local');
  });

  it('merges [defaults] per key and [defaults.aliases] per entry', () => {
    const p = tempProject();
    p.write(
      USER_TOML,
      '[defaults]\nport = 9001\nlog-level = "debug"\n[defaults.aliases]\nhaiku = "openai:user"\nfast = "openai:fast"\n',
    );
    p.write(
      'work/vandamme-config.toml',
      '[defaults]\nhost = "0.0.0.0"\nlog-level = "warn"\n[defaults.aliases]\nhaiku = "openai:local"\n',
    );
    const s = loadOk(p.sources({ env: { OPENAI_API_KEY: KEY } }));
    expect(s.globals).toMatchObject({ port: 9001, host: '0.0.0.0', logLevel: 'warn' });
    expect(s.globalSources.port.layer).toBe('user');
    expect(s.globalSources.logLevel.layer).toBe('local');
    expect(s.defaultAliases['haiku']?.target).toBe('openai:local');
    expect(s.defaultAliases['fast']?.target).toBe('openai:fast');
  });

  it('reads the real environment over .env and never changes process.env', () => {
    const p = tempProject();
    p.write(
      'work/.env',
      '# comment\nOPENAI_API_KEY=from-dotenv-key-000000\nVDM_TEST_ONLY_MARKER=1\nPORT=9100\n',
    );
    const s = loadOk(p.sources({ env: { PORT: '9200' } }));
    expect(s.globals.port).toBe(9200);
    expect(providerOf(s, 'openai').apiKeys).toEqual(['from-dotenv-key-000000']);
    expect(providerOf(s, 'openai').sources['api-key']).toEqual({
      layer: 'dotenv',
      where: `OPENAI_API_KEY (${path.join(p.cwd, '.env')}:2)`,
    });
    expect(process.env['VDM_TEST_ONLY_MARKER']).toBeUndefined();
  });

  it('uses --config instead of ./vandamme-config.toml', () => {
    const p = tempProject();
    p.write('work/vandamme-config.toml', '[defaults]\nport = 1111\n');
    const team = p.write('elsewhere/team.toml', '[defaults]\nport = 2222\n');
    const s = loadOk(p.sources({ configFile: team }));
    expect(s.globals.port).toBe(2222);
    expect(s.files).toContain(team);
    expect(s.files).not.toContain(path.join(p.cwd, 'vandamme-config.toml'));
  });

  it('honours XDG_CONFIG_HOME for the user file', () => {
    const p = tempProject();
    const xdg = path.join(p.root, 'xdg');
    p.write('xdg/vandamme-proxy/vandamme-config.toml', '[defaults]\nport = 3333\n');
    const s = loadOk(p.sources({ env: { XDG_CONFIG_HOME: xdg } }));
    expect(s.globals.port).toBe(3333);
  });

  it('lists every file read or watched, including ones that do not exist yet', () => {
    const p = tempProject();
    const settings = path.join(p.root, 'data', 'settings.json');
    const s = loadOk(p.sources({ appSettings: {}, appSettingsPath: settings }));
    expect(s.files).toEqual(
      expect.arrayContaining([
        path.join(p.cwd, '.env'),
        path.join(p.cwd, 'vandamme-config.toml'),
        path.join(p.root, USER_TOML),
        settings,
      ]),
    );
    expect(s.files.some((f) => f.endsWith(path.join('config', 'defaults.toml')))).toBe(true);
  });
});

describe('globals', () => {
  it('has safe defaults', () => {
    const p = tempProject();
    const s = loadOk(p.sources());
    expect(s.globals).toEqual({
      host: '127.0.0.1',
      port: 8082,
      logLevel: 'info',
      proxyApiKey: undefined,
      requestTimeoutMs: 90_000,
      connectTimeoutMs: 10_000,
      streamIdleTimeoutMs: 120_000,
      maxRetries: 2,
      cooldownMaxMs: 300_000,
      cooldownDefaultMs: 30_000,
      quotaCooldownMs: 3_600_000,
      maxBodyBytes: 32 * 1024 * 1024,
      secretStore: 'keychain',
      vdmHome: path.join(p.home, '.local', 'share', 'vandamme-desktop'),
    });
    expect(s.globalSources.port).toEqual({ layer: 'built-in', where: 'built-in default' });
  });

  it('reads every global from the environment', () => {
    const p = tempProject();
    const s = loadOk(
      p.sources({
        env: {
          HOST: '0.0.0.0',
          PORT: '9000',
          LOG_LEVEL: 'DEBUG',
          PROXY_API_KEY: 'proxy-secret',
          REQUEST_TIMEOUT: '60',
          MAX_RETRIES: '0',
          VDM_CONNECT_TIMEOUT: '2.5',
          VDM_STREAM_IDLE_TIMEOUT: '30',
          VDM_COOLDOWN_MAX: '600',
          VDM_COOLDOWN_DEFAULT: '0',
          VDM_QUOTA_COOLDOWN: '60',
          VDM_MAX_BODY_SIZE: '512kb',
          VDM_SECRET_STORE: 'memory',
          VDM_HOME: path.join(p.root, 'vdm-home'),
        },
      }),
    );
    expect(s.globals).toEqual({
      host: '0.0.0.0',
      port: 9000,
      logLevel: 'debug',
      proxyApiKey: 'proxy-secret',
      requestTimeoutMs: 60_000,
      connectTimeoutMs: 2_500,
      streamIdleTimeoutMs: 30_000,
      maxRetries: 0,
      cooldownMaxMs: 600_000,
      cooldownDefaultMs: 0,
      quotaCooldownMs: 60_000,
      maxBodyBytes: 512 * 1024,
      secretStore: 'memory',
      vdmHome: path.join(p.root, 'vdm-home'),
    });
    expect(s.globalSources.maxBodyBytes).toEqual({ layer: 'env', where: 'VDM_MAX_BODY_SIZE' });
  });

  it("reads [defaults] kebab keys, the environment winning, and vandamme-proxy's `timeout`", () => {
    const p = tempProject();
    const file = p.write(
      'work/vandamme-config.toml',
      '[defaults]\ntimeout = 45\nport = 9000\nmax-body-size = "1mb"\ncooldown-max = 10\n',
    );
    const s = loadOk(p.sources({ env: { PORT: '9500', OPENAI_API_KEY: KEY } }));
    expect(s.globals).toMatchObject({
      requestTimeoutMs: 45_000,
      port: 9500,
      maxBodyBytes: 1024 * 1024,
      cooldownMaxMs: 10_000,
    });
    expect(s.globalSources.requestTimeoutMs).toEqual({ layer: 'local', where: `${file}:2` });
    const openai = providerOf(s, 'openai');
    expect(openai.requestTimeoutMs).toBe(45_000);
    expect(openai.sources['timeout']).toEqual({ layer: 'local', where: `${file}:2` });
  });
});
