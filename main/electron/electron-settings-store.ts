import ElectronStore, { type Options } from 'electron-store';
import type { ConfLike, SettingsStoreFactory } from '../config/settings-store.js';

/**
 * settings.json through electron-store in the app (ARCHITECTURE.md); it extends `conf`, which the
 * headless shell uses, so the file and its migrations are the same. electron-store's types omit
 * `projectVersion` (it defaults to the app version), but it honours one passed in: we pass the
 * settings schema version, so migrations follow the file's format rather than app releases.
 */
export function electronSettingsStoreFactory(): SettingsStoreFactory {
  return (options): ConfLike => {
    const storeOptions: Options<Record<string, unknown>> & { projectVersion: string } = {
      cwd: options.cwd,
      name: options.configName,
      projectVersion: options.projectVersion,
      migrations: options.migrations,
    };
    return new ElectronStore(storeOptions);
  };
}
