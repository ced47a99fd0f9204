import type { AppStatusView } from '../../shared/admin/views.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { Result } from '../../shared/result.js';
import type { AdminService } from '../admin/admin-service.js';
import type { SettingsStoreFactory } from '../config/settings-store.js';
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
}

/**
 * The core with its state, as both shells drive it: the proxy (startable and stoppable), the
 * config with hot reload and the window's edits, the secret store, and the admin service.
 */
export interface VdmRuntime {
  readonly admin: AdminService;
  status(): AppStatusView;
  /** Told whenever `status()` may have changed (the tray re-renders its menu). */
  onStatusChange(listener: () => void): () => void;
  startProxy(): Promise<Result<{ readonly url: string }, AppError>>;
  /** Lets in-flight requests finish for up to `drainMs`, then stops listening. */
  stopProxy(drainMs?: number): Promise<void>;
  /** stopProxy plus closing watchers and stores: what quit does. */
  close(drainMs?: number): Promise<void>;
}
