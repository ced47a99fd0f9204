import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, read and validated the way `electron-builder` does before it packages
 * anything: its own loader (js-yaml) and `validateConfiguration`, i.e. its `scheme.json` with the
 * ajv settings it uses. Packaging itself cannot run here (MACHINE.md).
 */
const projectDir = process.cwd();
const quiet = new DebugLogger(false);

async function load(dir: string): Promise<Configuration> {
  return getConfig(dir, null, null);
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    const config = await load(projectDir);
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('packages what the app needs, as the design asks', async () => {
    const config = await load(projectDir);
    expect(config).toMatchObject({
      appId: 'dev.vandamme.desktop',
      productName: 'Vandamme Desktop',
      directories: { output: 'release' },
      asar: true,
      publish: null,
      extraMetadata: { main: 'dist/electron/main.mjs' },
      mac: {
        category: 'public.app-category.developer-tools',
        extendInfo: { LSUIElement: true },
      },
      win: { icon: 'assets/icon.ico' },
      linux: { category: 'Development', target: ['AppImage', 'deb'] },
    });
    // getConfig normalises `files` into `[{ filter: [...] }]`.
    const files = JSON.stringify(config.files);
    for (const pattern of [
      'dist/**',
      'main/config/defaults.toml',
      'package.json',
      'assets/*.png',
      '!node_modules/**',
      'node_modules/@napi-rs/keyring*/**',
    ]) {
      expect(files).toContain(JSON.stringify(pattern));
    }
    expect(JSON.stringify(config.asarUnpack)).toContain('@napi-rs/keyring');
    expect(JSON.stringify(config.mac?.target)).toMatch(/dmg.*zip/);
  });

  it('points at icons that exist', async () => {
    const config = await load(projectDir);
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(typeof icon).toBe('string');
      expect(readFileSync(join(projectDir, String(icon))).length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown key, so the check above is not vacuous', async () => {
    const config = await load(projectDir);
    await expect(
      validateConfiguration({ ...config, notAnOption: true } as Configuration, quiet),
    ).rejects.toThrow(/Invalid configuration object/);
    await expect(
      validateConfiguration(
        { ...config, mac: { ...config.mac, dmgTitle: 'x' } } as Configuration,
        quiet,
      ),
    ).rejects.toThrow(/mac/);
  });

  it('refuses a broken YAML file through the same loader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vdm-builder-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
    writeFileSync(join(dir, 'electron-builder.yml'), 'appId: x\nwin:\n  targets: nsis\n');
    const broken = await load(dir);
    await expect(validateConfiguration(broken, quiet)).rejects.toThrow(/Invalid configuration/);
  });
});
