import type { ConfigIssue } from './config/model.js';
import type { BaseSources } from './config/config-sources.js';
import { baseSourcesFromProcess, vdmHomeOf } from './config/config-sources.js';
import type { VdmApp } from './app.js';
import type { Logger } from './core/logging/logger.js';
import { startRuntime } from './runtime/start-runtime.js';
import type { VdmRuntime } from './runtime/vdm-runtime.js';
import type { SecretStoreKind } from './secrets/secret-store.js';

export interface HeadlessOptions {
  /** Environment and folders; the real process's when absent. Re-read on every reload. */
  readonly baseSources?: () => BaseSources;
  readonly configFile?: string;
  readonly host?: string;
  readonly port?: number;
  readonly logger?: Logger;
  readonly allowedHosts?: readonly string[];
  readonly secretStoreKind?: SecretStoreKind;
  readonly adminToken?: string;
  /** Called when a reload failed and the last good config stays in force. */
  readonly onReloadError?: (issues: readonly ConfigIssue[]) => void;
}

export interface Headless {
  readonly runtime: VdmRuntime;
  readonly app: VdmApp;
  readonly url: string;
  /** The one-click admin UI link: the token rides in the fragment, which browsers never send. */
  readonly adminUrl: string;
  close(drainMs?: number): Promise<void>;
}

export type HeadlessStart =
  | { readonly kind: 'started'; readonly headless: Headless }
  | { readonly kind: 'config-invalid'; readonly issues: readonly ConfigIssue[] }
  | { readonly kind: 'listen-failed'; readonly message: string; readonly fix: string };

/**
 * The headless shell (`vdm serve`): the runtime with the admin API and UI on the proxy's port,
 * listening at once. A reload swaps the snapshot between requests, so in-flight ones finish on the
 * config they started with; a broken file keeps the last good config.
 */
export async function startHeadless(options: HeadlessOptions = {}): Promise<HeadlessStart> {
  const baseSources =
    options.baseSources ?? (() => baseSourcesFromProcess({ configFile: options.configFile }));
  const built = await startRuntime({
    vdmHome: vdmHomeOf(baseSources()),
    baseSources,
    serveAdmin: true,
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    ...(options.secretStoreKind ? { secretStoreKind: options.secretStoreKind } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.onReloadError ? { onReloadError: options.onReloadError } : {}),
  });
  if (!built.ok) return { kind: 'config-invalid', issues: built.error.issues };
  const runtime = built.value;
  const started = await runtime.startProxy();
  if (!started.ok) {
    await runtime.close(0);
    return { kind: 'listen-failed', message: started.error.message, fix: started.error.fix };
  }
  const url = started.value.url;
  return {
    kind: 'started',
    headless: {
      runtime,
      app: runtime.app,
      url,
      adminUrl: `${url}/#token=${runtime.adminToken ?? ''}`,
      close: (drainMs) => runtime.close(drainMs),
    },
  };
}
