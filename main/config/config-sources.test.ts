import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configSourcesFromProcess, secretStoreKindOf } from './config-sources.js';
import { removeProjects, tempProject } from './test-support/config-fixture.js';

const originalCwd = process.cwd();

beforeEach(() => {
  vi.unstubAllEnvs();
});

afterEach(() => {
  process.chdir(originalCwd);
  vi.unstubAllEnvs();
  removeProjects();
});

describe('configSourcesFromProcess', () => {
  it('reads the app settings from VDM_HOME and resolves --config against the working directory', () => {
    const p = tempProject();
    const home = path.join(p.root, 'vdm-home');
    p.write('vdm-home/settings.json', JSON.stringify({ version: 1, defaults: { port: 9999 } }));
    vi.stubEnv('VDM_HOME', home);
    process.chdir(p.cwd);
    const sources = configSourcesFromProcess({ configFile: 'team.toml' });
    expect(sources.cwd).toBe(process.cwd());
    expect(sources.configFile).toBe(path.join(process.cwd(), 'team.toml'));
    expect(sources.appSettings).toEqual({ defaults: { port: 9999 } });
    expect(sources.appSettingsPath).toBe(path.join(home, 'settings.json'));
    expect(sources.env['VDM_HOME']).toBe(home);
  });

  it('takes VDM_HOME from ./.env when the environment lacks it', () => {
    const p = tempProject();
    const home = path.join(p.root, 'from-dotenv');
    p.write('work/.env', `VDM_HOME=${home}\n`);
    vi.stubEnv('VDM_HOME', '');
    process.chdir(p.cwd);
    expect(configSourcesFromProcess({}).appSettingsPath).toBe(path.join(home, 'settings.json'));
  });
});

describe('secretStoreKindOf', () => {
  const base = (env: Record<string, string>, cwd: string) => ({ env, cwd, homeDir: cwd });

  it('takes VDM_SECRET_STORE from the environment first, then from ./.env', () => {
    const p = tempProject();
    p.write('work/.env', 'VDM_SECRET_STORE=file\n');
    expect(secretStoreKindOf(base({}, p.cwd))).toBe('file');
    expect(secretStoreKindOf(base({ VDM_SECRET_STORE: 'Memory' }, p.cwd))).toBe('memory');
  });

  it('opens the keychain when the value is absent or not a store (the config load reports the latter)', () => {
    const p = tempProject();
    expect(secretStoreKindOf(base({}, p.cwd))).toBe('keychain');
    expect(secretStoreKindOf(base({ VDM_SECRET_STORE: 'vault' }, p.cwd))).toBe('keychain');
  });
});
