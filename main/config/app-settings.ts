import { renameSync } from 'node:fs';
import path from 'node:path';
import Conf from 'conf';

/** The shape version of settings.json; bump it and add a migration when the shape changes. */
const SETTINGS_VERSION = 1;
/** conf keys its migrations by semver; ours is the integer above as `N.0.0`. */
const MIGRATIONS: Readonly<Record<string, (store: Conf<Record<string, unknown>>) => void>> = {
  '1.0.0': (store) => {
    store.set('version', 1);
  },
};
/** Not config: conf's own bookkeeping and our shape version. */
const NOT_SETTINGS: ReadonlySet<string> = new Set(['__internal__', 'version']);

export interface AppSettings {
  readonly path: string;
  /** The settings as a parsed TOML document would be (`{ openai: { 'base-url': ... } }`). */
  read(): Record<string, unknown>;
  /** What happened while opening or reading (a corrupt file set aside), for the snapshot's notices. */
  readonly notices: readonly string[];
}

function isSyntaxError(error: unknown): boolean {
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

function openStore(vdmHome: string): Conf<Record<string, unknown>> {
  return new Conf<Record<string, unknown>>({
    cwd: vdmHome,
    configName: 'settings',
    projectVersion: `${SETTINGS_VERSION}.0.0`,
    migrations: MIGRATIONS,
  });
}

function withoutBookkeeping(store: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(store).filter(([key]) => !NOT_SETTINGS.has(key)));
}

/**
 * Layer 4, headless: `settings.json` in the app data directory, through `conf` (what electron-store
 * uses in the app). A corrupt file must not stop the proxy: conf throws a SyntaxError on it (we do
 * not use `clearInvalidConfig`, which would silently drop it), so we move it aside and start empty.
 */
export function openAppSettings(vdmHome: string, now: () => Date = () => new Date()): AppSettings {
  const file = path.join(vdmHome, 'settings.json');
  const notices: string[] = [];
  const recover = (error: unknown): Conf<Record<string, unknown>> | undefined => {
    if (!isSyntaxError(error)) {
      notices.push(
        `app settings ${file} could not be read (${errorText(error)}); continuing without them`,
      );
      return undefined;
    }
    try {
      const aside = setAside(file, now());
      notices.push(
        `app settings ${file} were not valid JSON; moved aside to ${aside} and started empty`,
      );
      return openStore(vdmHome);
    } catch (retryError) {
      notices.push(
        `app settings ${file} are corrupt and could not be moved aside (${errorText(retryError)}); continuing without them`,
      );
      return undefined;
    }
  };
  let store: Conf<Record<string, unknown>> | undefined;
  try {
    store = openStore(vdmHome);
  } catch (error) {
    store = recover(error);
  }
  return {
    path: file,
    notices,
    read() {
      if (!store) return {};
      try {
        return withoutBookkeeping(store.store);
      } catch (error) {
        store = recover(error);
        return store ? withoutBookkeeping(store.store) : {};
      }
    },
  };
}
