import type { AdminEvent } from '../../shared/admin/contract.js';
import type { AppStatusView } from '../../shared/admin/views.js';
import type { Result } from '../../shared/result.js';
import type { VdmApp } from '../app.js';
import type { AppSettings } from '../config/app-settings.js';
import type { ConfigIssue, ConfigSnapshot } from '../config/model.js';
import type { Clock } from '../core/clock.js';
import type { LaunchAtLogin } from '../runtime/vdm-runtime.js';
import type { AppSecrets } from '../secrets/app-secrets.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { SignInPort } from './sign-in-port.js';

/** What the admin handlers work on: the running core and its stores, injected by the runtime. */
export interface AdminContext {
  readonly app: VdmApp;
  readonly settings: AppSettings;
  readonly secrets: AppSecrets;
  readonly secretStore: SecretStore | undefined;
  readonly clock: Clock;
  readonly launchAtLogin: LaunchAtLogin;
  /** The snapshot in force. */
  config(): ConfigSnapshot;
  /**
   * Re-reads every layer and applies the result to the running proxy (in-flight requests keep the
   * snapshot they started with). An invalid result changes nothing and comes back as the issues.
   */
  reload(): Result<ConfigSnapshot, readonly ConfigIssue[]>;
  status(): AppStatusView;
  /** Where the proxy would listen if started now: the settings, unless a flag (`--port`) overrides them. */
  configuredAddress(): { readonly host: string; readonly port: number };
  /** Where the proxy listens now, or undefined when it is stopped. */
  listening(): { readonly host: string; readonly port: number; readonly url: string } | undefined;
  readonly signIn: SignInPort;
  emit(event: AdminEvent): void;
}
