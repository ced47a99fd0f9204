import { createApp, type VdmApp } from './app.js';
import { watchConfig } from './config/config-watcher.js';
import { formatConfigIssue } from './config/format-issue.js';
import { loadConfig } from './config/load-config.js';
import type { ConfigIssue, ConfigSources } from './config/model.js';
import type { Logger } from './core/logging/logger.js';

export interface HeadlessOptions {
  /** Called at start and on every reload (the watcher re-reads env, files and app settings). */
  readonly readSources: () => ConfigSources;
  readonly host?: string;
  readonly port?: number;
  readonly logger?: Logger;
  readonly allowedHosts?: readonly string[];
  /** Told when a reload failed and the last good config stays in force. */
  readonly onReloadError?: (issues: readonly ConfigIssue[]) => void;
}

export interface Headless {
  readonly app: VdmApp;
  readonly url: string;
  close(drainMs?: number): Promise<void>;
}

export type HeadlessStart =
  | { readonly kind: 'started'; readonly headless: Headless }
  | { readonly kind: 'config-invalid'; readonly issues: readonly ConfigIssue[] }
  | {
      readonly kind: 'listen-failed';
      readonly code: string;
      readonly host: string;
      readonly port: number;
    };

/**
 * The headless shell: config, proxy and hot reload wired together; what `vdm serve` runs and what
 * the reload tests drive. A reload swaps the snapshot between requests, so in-flight ones finish
 * on the config they started with; a broken file keeps the last good config.
 */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessStart> {
  const loaded = loadConfig(options.readSources());
  if (!loaded.ok) return { kind: 'config-invalid', issues: loaded.error };
  const app = createApp({
    config: loaded.value,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
  });
  const host = options.host ?? loaded.value.globals.host;
  const port = options.port ?? loaded.value.globals.port;
  let url: string;
  try {
    url = (await app.server.listen(port, host)).url;
  } catch (error) {
    await app.close(0);
    return {
      kind: 'listen-failed',
      code: (error as { code?: string }).code ?? String(error),
      host,
      port,
    };
  }
  const watcher = watchConfig({
    readSources: options.readSources,
    initial: loaded.value,
    onChange: (next) => {
      app.applyConfig(next);
      app.logger.info({ providers: [...next.providers.keys()] }, 'config reloaded');
    },
    onError: (issues) => {
      app.logger.error(
        { issues: issues.map(formatConfigIssue) },
        'config reload failed; keeping the last good config',
      );
      options.onReloadError?.(issues);
    },
  });
  return {
    kind: 'started',
    headless: {
      app,
      url,
      close: async (drainMs) => {
        watcher.close();
        await app.close(drainMs);
      },
    },
  };
}
