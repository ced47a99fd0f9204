import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

const APP_DIR_NAME = 'vandamme-desktop';
/** The user file keeps vandamme-proxy's folder name so an existing setup works unchanged (CONFIG.md). */
const USER_DIR_NAME = 'vandamme-proxy';
export const CONFIG_FILE_NAME = 'vandamme-config.toml';
export const DOTENV_FILE_NAME = '.env';

/** XDG says relative values must be ignored, so only an absolute path counts. */
function absoluteOrUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed && path.isAbsolute(trimmed) ? trimmed : undefined;
}

/**
 * The app data directory (settings, secrets file, logs): `VDM_HOME` when set, else the platform's
 * usual place for per-user application data.
 */
export function resolveVdmHome(env: Env, homeDir: string, platform: NodeJS.Platform): string {
  const explicit = env['VDM_HOME']?.trim();
  if (explicit) return explicit;
  if (platform === 'win32') {
    const appData = env['APPDATA']?.trim() || path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') {
    return path.posix.join(homeDir, 'Library', 'Application Support', APP_DIR_NAME);
  }
  const dataHome =
    absoluteOrUndefined(env['XDG_DATA_HOME']) ?? path.posix.join(homeDir, '.local', 'share');
  return path.posix.join(dataHome, APP_DIR_NAME);
}

/** `$XDG_CONFIG_HOME/vandamme-proxy/vandamme-config.toml`, `~/.config/...` by default, on every platform as vandamme-proxy did. */
export function userConfigPath(env: Env, homeDir: string): string {
  const configHome = absoluteOrUndefined(env['XDG_CONFIG_HOME']) ?? path.join(homeDir, '.config');
  return path.join(configHome, USER_DIR_NAME, CONFIG_FILE_NAME);
}

/** `--config FILE` (relative to the working directory) replaces `./vandamme-config.toml`. */
export function localConfigPath(cwd: string, configFile: string | undefined): string {
  return configFile === undefined
    ? path.join(cwd, CONFIG_FILE_NAME)
    : path.resolve(cwd, configFile);
}

export function dotenvPath(cwd: string): string {
  return path.join(cwd, DOTENV_FILE_NAME);
}
