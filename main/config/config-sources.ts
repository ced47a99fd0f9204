import os from 'node:os';
import path from 'node:path';
import { openAppSettings } from './app-settings.js';
import { dotenvPath, resolveVdmHome } from './config-paths.js';
import { readDotenvFile } from './env-vars.js';
import { parseChoice } from './parse-values.js';
import type { ConfigSources } from './model.js';
import type { SecretStoreKind } from '../secrets/secret-store.js';

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

/** An environment-only setting as layer 1 sees it: the real environment, else `./.env`. */
function envOrDotenv(base: BaseSources, name: string): string | undefined {
  const fromEnv = base.env[name];
  if (fromEnv?.trim()) return fromEnv;
  return readDotenvFile(dotenvPath(base.cwd)).read?.values[name];
}

/** The app data directory of this process: `VDM_HOME` from the environment or `./.env`, else the platform's. */
export function vdmHomeOf(base: BaseSources): string {
  const env = { ...base.env, VDM_HOME: envOrDotenv(base, 'VDM_HOME') };
  return path.resolve(
    base.cwd,
    resolveVdmHome(env, base.homeDir, base.platform ?? process.platform),
  );
}

const SECRET_STORE_KINDS: readonly SecretStoreKind[] = ['keychain', 'file', 'memory'];

/**
 * Which secret store to open, known before the config is loaded (its keys are part of the config).
 * `VDM_SECRET_STORE` is environment-only; a value that is none of the kinds opens the keychain
 * here and is reported by the config load that follows.
 */
export function secretStoreKindOf(base: BaseSources): SecretStoreKind {
  const parsed = parseChoice(envOrDotenv(base, 'VDM_SECRET_STORE'), SECRET_STORE_KINDS);
  return parsed.ok ? parsed.value : 'keychain';
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
