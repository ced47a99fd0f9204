import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppSettings } from './app-settings.js';
import { loadConfig } from './load-config.js';
import { removeProjects, tempProject } from './test-support/config-fixture.js';

afterEach(removeProjects);

const NOW = () => new Date('2025-01-02T03:04:05.678Z');

describe('app settings (conf, headless)', () => {
  it('starts empty and records the shape version', () => {
    const home = path.join(tempProject().root, 'vdm-home');
    const settings = openAppSettings(home);
    expect(settings.path).toBe(path.join(home, 'settings.json'));
    expect(settings.read()).toEqual({});
    expect(JSON.parse(readFileSync(settings.path, 'utf8'))).toMatchObject({ version: 2 });
    expect(settings.notices).toEqual([]);
  });

  it('reads settings in the TOML document shape, without bookkeeping keys', () => {
    const p = tempProject();
    const file = p.write(
      'vdm-home/settings.json',
      JSON.stringify({ version: 2, config: { openai: { 'base-url': 'https://app.example/v1' } } }),
    );
    const settings = openAppSettings(path.dirname(file));
    expect(settings.read()).toEqual({ openai: { 'base-url': 'https://app.example/v1' } });
  });

  it('does not rewrite an up-to-date file on open (the watcher would see its own writes)', () => {
    const home = path.join(tempProject().root, 'vdm-home');
    const first = openAppSettings(home);
    const before = readFileSync(first.path, 'utf8');
    const mtime = statSync(first.path).mtimeMs;
    openAppSettings(home).read();
    expect(readFileSync(first.path, 'utf8')).toBe(before);
    expect(statSync(first.path).mtimeMs).toBe(mtime);
  });

  it('sets a corrupt file aside and carries on empty, with a notice', () => {
    const p = tempProject();
    const file = p.write('vdm-home/settings.json', '{ "openai": { "base-url": ');
    const settings = openAppSettings(path.dirname(file), { now: NOW });
    expect(settings.read()).toEqual({});
    const aside = `${file}.corrupt-2025-01-02T03-04-05-678Z`;
    expect(readFileSync(aside, 'utf8')).toBe('{ "openai": { "base-url": ');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 2 });
    expect(settings.notices).toEqual([expect.stringContaining(`moved aside to ${aside}`)]);
  });

  it('survives a file corrupted after opening', () => {
    const p = tempProject();
    const home = path.join(p.root, 'vdm-home');
    const settings = openAppSettings(home, { now: NOW });
    writeFileSync(settings.path, 'not json at all');
    expect(settings.read()).toEqual({});
    expect(readdirSync(home).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
    expect(settings.notices).toHaveLength(1);
  });

  it('feeds the app layer, notices included', () => {
    const p = tempProject();
    const file = p.write('vdm-home/settings.json', '{oops');
    const settings = openAppSettings(path.dirname(file), { now: NOW });
    const result = loadConfig(
      p.sources({
        appSettings: settings.read(),
        appSettingsPath: settings.path,
        notices: settings.notices,
      }),
    );
    expect(result.ok && result.value.notices).toEqual([
      expect.stringContaining('were not valid'),
      expect.any(String),
    ]);
    expect(existsSync(file)).toBe(true);
  });

  it('migrates a version 1 file (the document at the top level) to version 2', () => {
    const p = tempProject();
    const file = p.write(
      'vdm-home/settings.json',
      JSON.stringify({
        version: 1,
        __internal__: { migrations: { version: '1.0.0' } },
        openai: { 'base-url': 'https://app.example/v1' },
        defaults: { 'default-provider': 'openai' },
      }),
    );
    const settings = openAppSettings(path.dirname(file));
    expect(settings.read()).toEqual({
      openai: { 'base-url': 'https://app.example/v1' },
      defaults: { 'default-provider': 'openai' },
    });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ version: 2, config: { openai: {} } });
    expect(onDisk['openai']).toBeUndefined();
  });

  it('sets aside a file of valid JSON but the wrong shape, and says so', () => {
    const p = tempProject();
    const file = p.write(
      'vdm-home/settings.json',
      JSON.stringify({ version: 2, config: 'not a table', desktop: { launchAtLogin: 'yes' } }),
    );
    const settings = openAppSettings(path.dirname(file), { now: NOW });
    expect(settings.read()).toEqual({});
    expect(settings.desktop()).toEqual({});
    expect(existsSync(`${file}.corrupt-2025-01-02T03-04-05-678Z`)).toBe(true);
    expect(settings.notices).toEqual([expect.stringContaining('wrong shape')]);
  });

  it('writes the document and the desktop preferences, and reads them back from disk', () => {
    const home = path.join(tempProject().root, 'vdm-home');
    const settings = openAppSettings(home);
    settings.writeDocument({
      fake: { 'base-url': 'http://127.0.0.1:9/v1', 'api-format': 'openai' },
    });
    settings.writeDesktop({ launchAtLogin: true });
    const again = openAppSettings(home);
    expect(again.read()).toEqual({
      fake: { 'base-url': 'http://127.0.0.1:9/v1', 'api-format': 'openai' },
    });
    expect(again.desktop()).toEqual({ launchAtLogin: true });
    expect(readdirSync(home).filter((n) => n !== 'settings.json')).toEqual([]);
  });

  it('builds its store through the injected factory (electron-store in the app)', () => {
    const home = path.join(tempProject().root, 'vdm-home');
    const seen: string[] = [];
    const settings = openAppSettings(home, {
      factory: (options) => {
        seen.push(`${options.configName}@${options.projectVersion}`);
        const data = new Map<string, unknown>();
        return {
          path: path.join(options.cwd, 'settings.json'),
          get store() {
            return Object.fromEntries(data);
          },
          set: (key, value) => void data.set(key, value),
          delete: (key) => void data.delete(key),
        };
      },
    });
    settings.writeDocument({ fake: { 'auth-mode': 'oauth' } });
    expect(settings.read()).toEqual({ fake: { 'auth-mode': 'oauth' } });
    expect(seen).toEqual(['settings@2.0.0']);
  });
});
