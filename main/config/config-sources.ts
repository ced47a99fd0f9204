import os from 'node:os';
import path from 'node:path';
import { openAppSettings } from './app-settings.js';
import { dotenvPath, resolveVdmHome } from './config-paths.js';
import { readDotenvFile } from './env-vars.js';
import type { ConfigSources } from './model.js';

export { resolveVdmHome } from './config-paths.js';

/** What the process gives the loader besides the app layer: environment, folders, `--config`. */
export type BaseSources = Omit<
  ConfigSources,
  'appSettings' | 'appSettingsPath' | 'notices' | 'appSecrets'
>;

export function baseSourcesFromProcess(opts: { configFile?: string | undefined }): BaseSources {
  const cwd = process.cwd();
  return {
    env: { ...process.env },
    cwd,
    homeDir: os.homedir(),
    ...(opts.configFile === undefined ? {} : { configFile: path.resolve(cwd, opts.configFile) }),
    platform: process.platform,
  };
}

/** The app data directory of this process: `VDM_HOME` from the environment or `./.env`, else the platform's. */
export function vdmHomeOf(base: BaseSources): string {
  const fromDotenv = readDotenvFile(dotenvPath(base.cwd)).read?.values['VDM_HOME'];
  const env = base.env['VDM_HOME']?.trim() ? base.env : { ...base.env, VDM_HOME: fromDotenv };
  return path.resolve(
    base.cwd,
    resolveVdmHome(env, base.homeDir, base.platform ?? process.platform),
  );
}

/**
 * The real process's sources, for `vdm` commands that read the config without running the core.
 * Called again on every reload, so the app settings are re-read each time.
 */
export function configSourcesFromProcess(opts: { configFile?: string }): ConfigSources {
  const base = baseSourcesFromProcess(opts);
  const settings = openAppSettings(vdmHomeOf(base));
  return {
    ...base,
    appSettings: settings.read(),
    appSettingsPath: settings.path,
    notices: settings.notices,
  };
}
