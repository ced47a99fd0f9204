/** The few members of `conf` (and of electron-store, which extends it) the settings store uses. */
export interface ConfLike {
  readonly path: string;
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface ConfLikeOptions {
  readonly cwd: string;
  readonly configName: string;
  readonly projectVersion: string;
  readonly migrations: Readonly<Record<string, (store: ConfLike) => void>>;
}

/** Builds the backing store: `new Conf(options)` headless, `new ElectronStore(options)` in the app. */
export type SettingsStoreFactory = (options: ConfLikeOptions) => ConfLike;
