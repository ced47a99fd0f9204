import os from 'node:os';
import path from 'node:path';
import { openAppSettings } from './app-settings.js';
import { dotenvPath, resolveVdmHome } from './config-paths.js';
import { readDotenvFile } from './env-vars.js';
import type { ConfigSources } from './model.js';

export { resolveVdmHome } from './config-paths.js';

/**
 * The real process's sources, for `vdm` and the headless server. Called again on every reload, so
 * the app settings are re-read each time. `VDM_HOME` may come from `./.env` too, and the settings
 * must be read from the same directory the snapshot will report.
 */
export function configSourcesFromProcess(opts: { configFile?: string }): ConfigSources {
  const cwd = process.cwd();
  const homeDir = os.homedir();
  const env = { ...process.env };
  const vdmHomeFromDotenv = readDotenvFile(dotenvPath(cwd)).read?.values['VDM_HOME'];
  const envForHome = env['VDM_HOME']?.trim() ? env : { ...env, VDM_HOME: vdmHomeFromDotenv };
  const vdmHome = path.resolve(cwd, resolveVdmHome(envForHome, homeDir, process.platform));
  const settings = openAppSettings(vdmHome);
  const appSettings = settings.read();
  return {
    env,
    cwd,
    homeDir,
    ...(opts.configFile === undefined ? {} : { configFile: path.resolve(cwd, opts.configFile) }),
    appSettings,
    appSettingsPath: settings.path,
    notices: settings.notices,
    platform: process.platform,
  };
}
