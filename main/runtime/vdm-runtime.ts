import type { AppStatusView } from '../../shared/admin/views.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { Result } from '../../shared/result.js';
import type { AdminService } from '../admin/admin-service.js';
import type { SettingsStoreFactory } from '../config/settings-store.js';
import type { VdmApp } from '../app.js';
import type { BaseSources } from '../config/config-sources.js';
import type { ConfigIssue } from '../config/model.js';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../core/logging/logger.js';
import type { SecretStoreKind } from '../secrets/secret-store.js';

/** Launch at login is an OS feature only the desktop shell has (Electron's `app.setLoginItemSettings`). */
export interface LaunchAtLogin {
  readonly supported: boolean;
  get(): boolean;
  set(enabled: boolean): void;
}

export interface RuntimeOptions {
  /** Where settings.json (and secrets.json for the file store) live. */
  readonly vdmHome: string;
  /** electron-store in the app; `conf` (the default) headless. */
  readonly settingsStoreFactory?: SettingsStoreFactory;
  /** Overrides VDM_SECRET_STORE; tests pass `memory`. */
  readonly secretStoreKind?: SecretStoreKind;
  readonly logger?: Logger;
  readonly launchAtLogin?: LaunchAtLogin;
  /** `--config FILE` of `vdm serve`. */
  readonly configFile?: string;
  readonly host?: string;
  readonly port?: number;
  readonly allowedHosts?: readonly string[];
  /** Environment and folders; the real process's when absent (tests pass their own). */
  readonly baseSources?: () => BaseSources;
  readonly clock?: Clock;
  /** Headless: serve the admin API and the UI on the proxy's port, behind an admin token. */
  readonly serveAdmin?: boolean;
  /** The admin token to require; a fresh random one when absent. */
  readonly adminToken?: string;
  /** The desktop app opens sign-in pages with `shell.openExternal`; headless shows the link. */
  readonly openBrowser?: (url: string) => Promise<void> | void;
  /** Told when a reload failed and the last good config stays in force. */
  readonly onReloadError?: (issues: readonly ConfigIssue[]) => void;
}

/** Why the runtime could not be built; shaped like an AppError so a shell can show it as one. */
export interface RuntimeStartError {
  readonly kind: 'config-invalid';
  readonly message: string;
  readonly fix: string;
  readonly issues: readonly ConfigIssue[];
}

/**
 * The core with its state, as both shells drive it: the proxy (startable and stoppable), the
 * config with hot reload and the window's edits, the secret store, and the admin service.
 */
export interface VdmRuntime {
  readonly admin: AdminService;
  /** The proxy core (config, keys, activity), for the shells' own views and for tests. */
  readonly app: VdmApp;
  /** Set when `serveAdmin`: what the one-click URL carries. */
  readonly adminToken: string | undefined;
  status(): AppStatusView;
  /** Told whenever `status()` may have changed (the tray re-renders its menu). */
  onStatusChange(listener: () => void): () => void;
  startProxy(): Promise<Result<{ readonly url: string }, AppError>>;
  /** Lets in-flight requests finish for up to `drainMs`, then stops listening. */
  stopProxy(drainMs?: number): Promise<void>;
  /** stopProxy plus closing watchers and stores: what quit does. */
  close(drainMs?: number): Promise<void>;
}
