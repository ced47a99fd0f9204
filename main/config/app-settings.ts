import { renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { z } from 'zod';
import type { ConfLike, ConfLikeOptions, SettingsStoreFactory } from './settings-store.js';

/**
 * The shape version of settings.json; bump it and add a migration when the shape changes.
 * 1: the TOML document at the top level. 2: that document under `config`, the app's own
 * preferences (launch at login) under `desktop`, so a preference can never be read as a provider.
 */
const SETTINGS_VERSION = 2;
const BOOKKEEPING: ReadonlySet<string> = new Set(['__internal__', 'version']);

/** conf keys its migrations by semver; ours are the integers above as `N.0.0`. */
const MIGRATIONS: ConfLikeOptions['migrations'] = {
  '1.0.0': (store) => store.set('version', 1),
  '2.0.0': (store) => {
    const document: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(store.store)) {
      if (BOOKKEEPING.has(key) || key === 'config' || key === 'desktop') continue;
      document[key] = value;
      store.delete(key);
    }
    const existing = store.store['config'];
    store.set('config', { ...(isRecord(existing) ? existing : {}), ...document });
    store.set('version', 2);
  },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const desktopSchema = z.object({ launchAtLogin: z.boolean().optional() }).strict();
export type DesktopPreferences = z.infer<typeof desktopSchema>;

/** What a valid file holds; anything else is set aside like a syntax error, never half-read. */
const settingsFileSchema = z.object({
  version: z.number().optional(),
  __internal__: z.unknown().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  desktop: desktopSchema.optional(),
});

/** The settings as a parsed TOML document would be: `{ openai: { 'base-url': ... }, defaults: {...} }`. */
export type SettingsDocument = Readonly<Record<string, unknown>>;

export interface AppSettings {
  readonly path: string;
  /** Re-read from disk each time, so edits by hand (or another process) are seen on reload. */
  read(): SettingsDocument;
  desktop(): DesktopPreferences;
  /** Atomic (conf writes a temporary file and renames it); throws only if the disk refuses. */
  writeDocument(next: SettingsDocument): void;
  writeDesktop(next: DesktopPreferences): void;
  /** What happened while opening or reading (a corrupt file set aside), for the snapshot's notices. */
  readonly notices: readonly string[];
}

class InvalidShape extends Error {
  override readonly name = 'SyntaxError';
}

function isCorrupt(error: unknown): boolean {
  return error instanceof SyntaxError || (error instanceof Error && error.name === 'SyntaxError');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Keeps the broken file for the user to inspect, under a name that sorts by time. */
function setAside(file: string, now: Date): string {
  const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}

const confFactory: SettingsStoreFactory = (options) =>
  new Conf<Record<string, unknown>>(
    options as unknown as ConstructorParameters<typeof Conf<Record<string, unknown>>>[0],
  );

function validated(store: ConfLike): z.infer<typeof settingsFileSchema> {
  const parsed = settingsFileSchema.safeParse(store.store);
  if (!parsed.success) {
    throw new InvalidShape(
      `settings.json has the wrong shape (${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')})`,
    );
  }
  return parsed.data;
}

export interface OpenAppSettingsOptions {
  readonly now?: () => Date;
  /** electron-store in the app; conf headless. */
  readonly factory?: SettingsStoreFactory;
}

/**
 * Layer 4: `settings.json` in the app data directory, through `conf` headless and electron-store
 * (which extends it) in the app. A corrupt or mis-shaped file must not stop the proxy: we do not
 * use `clearInvalidConfig`, which would silently drop it; we move it aside, start from defaults
 * and say so in the notices (the UI shows them).
 */
export function openAppSettings(
  vdmHome: string,
  options: OpenAppSettingsOptions = {},
): AppSettings {
  const now = options.now ?? (() => new Date());
  const factory = options.factory ?? confFactory;
  const file = path.join(vdmHome, 'settings.json');
  const notices: string[] = [];
  const open = (): ConfLike => {
    const store = factory({
      cwd: vdmHome,
      configName: 'settings',
      projectVersion: `${SETTINGS_VERSION}.0.0`,
      migrations: MIGRATIONS,
    });
    validated(store);
    return store;
  };
  const recover = (error: unknown): ConfLike | undefined => {
    if (!isCorrupt(error)) {
      notices.push(
        `app settings ${file} could not be read (${errorText(error)}); continuing without them`,
      );
      return undefined;
    }
    try {
      const aside = setAside(file, now());
      notices.push(
        `app settings ${file} were not valid (${errorText(error)}); moved aside to ${aside} and started from defaults`,
      );
      return open();
    } catch (retryError) {
      notices.push(
        `app settings ${file} are corrupt and could not be moved aside (${errorText(retryError)}); continuing without them`,
      );
      return undefined;
    }
  };
  let store: ConfLike | undefined;
  try {
    store = open();
  } catch (error) {
    store = recover(error);
  }
  const current = (): z.infer<typeof settingsFileSchema> => {
    if (!store) return {};
    try {
      return validated(store);
    } catch (error) {
      store = recover(error);
      return store ? validated(store) : {};
    }
  };
  const writable = (): ConfLike => {
    current();
    if (!store) throw new Error(`app settings ${file} cannot be written (see the notices)`);
    return store;
  };
  return {
    path: file,
    notices,
    read: () => current().config ?? {},
    desktop: () => current().desktop ?? {},
    writeDocument: (next) => writable().set('config', next),
    writeDesktop: (next) => writable().set('desktop', next),
  };
}
