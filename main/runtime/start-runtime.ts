import { randomBytes } from 'node:crypto';
import express from 'express';
import type { AdminEvent } from '../../shared/admin/contract.js';
import { err, ok, type Result } from '../../shared/result.js';
import { createApp } from '../app.js';
import type { AdminContext } from '../admin/admin-context.js';
import { adminUiRoute, findRendererDir } from '../admin/admin-ui-route.js';
import { activityView } from '../admin/activity-view.js';
import { createAdminService } from '../admin/create-admin-service.js';
import { httpAdminRoutes } from '../admin/http-admin-routes.js';
import { readPresets } from '../admin/presets.js';
import { openAppSettings } from '../config/app-settings.js';
import { baseSourcesFromProcess, secretStoreKindOf } from '../config/config-sources.js';
import { watchConfig } from '../config/config-watcher.js';
import { formatConfigIssue } from '../config/format-issue.js';
import { loadConfig } from '../config/load-config.js';
import type { ConfigIssue, ConfigSnapshot, ConfigSources } from '../config/model.js';
import { systemClock } from '../core/clock.js';
import { createLogger } from '../core/logging/logger.js';
import { openAppSecrets, type AppSecrets } from '../secrets/app-secrets.js';
import { createSignIn } from './create-sign-in.js';
import { EventHub } from './event-hub.js';
import { proxyListener } from './proxy-listener.js';
import type { RuntimeOptions, RuntimeStartError, VdmRuntime } from './vdm-runtime.js';
import { statusView } from './status-view.js';

const NO_LAUNCH_AT_LOGIN = { supported: false, get: () => false, set: () => undefined };

function configInvalid(issues: readonly ConfigIssue[]): RuntimeStartError {
  return {
    kind: 'config-invalid',
    message: `The configuration has errors: ${issues.map(formatConfigIssue).join('; ')}`,
    fix: 'Fix the places named above and start again.',
    issues,
  };
}

/**
 * Builds the core both shells drive (ARCHITECTURE.md): app settings (conf or electron-store),
 * the secret store, the config with hot reload, the proxy (not listening yet: call
 * `startProxy`), the admin service, and, headless, the admin API and UI on the proxy's port.
 */
export async function startRuntime(
  options: RuntimeOptions,
): Promise<Result<VdmRuntime, RuntimeStartError>> {
  const clock = options.clock ?? systemClock;
  const base =
    options.baseSources ?? (() => baseSourcesFromProcess({ configFile: options.configFile }));
  const settings = openAppSettings(options.vdmHome, {
    ...(options.settingsStoreFactory ? { factory: options.settingsStoreFactory } : {}),
  });
  const sourcesWith = (secrets: AppSecrets | undefined): ConfigSources => ({
    ...base(),
    appSettings: settings.read(),
    appSettingsPath: settings.path,
    notices: settings.notices,
    ...(secrets ? { appSecrets: secrets.snapshot() } : {}),
  });
  const secrets = await openAppSecrets(
    options.secretStoreKind ?? secretStoreKindOf(base()),
    options.vdmHome,
  );
  const readSources = () => sourcesWith(secrets);
  const loaded = loadConfig(readSources());
  if (!loaded.ok) return err(configInvalid(loaded.error));

  const logger = options.logger ?? createLogger(loaded.value.globals.logLevel);
  const events = new EventHub<AdminEvent>();
  const statusListeners = new EventHub<void>();
  const adminRouter = express.Router();
  const changed = (what: Extract<AdminEvent, { kind: 'changed' }>['what']) => {
    events.emit({ kind: 'changed', what });
    statusListeners.emit();
  };
  const base0 = base();
  const signIn = await createSignIn({
    secrets,
    clock,
    env: base0.env,
    homeDir: base0.homeDir,
    ...(options.openBrowser ? { openBrowser: options.openBrowser } : {}),
    changed: () => changed('oauth'),
  });
  const app = createApp({
    config: loaded.value,
    logger,
    clock,
    oauth: signIn.tokens,
    ...(options.allowedHosts ? { allowedHosts: options.allowedHosts } : {}),
    extraRoutes: adminRouter,
  });
  let configErrors: readonly string[] = [];
  const configuredAddress = () => ({
    host: options.host ?? app.config().globals.host,
    port: options.port ?? app.config().globals.port,
  });
  const listener = proxyListener(app, configuredAddress);
  const apply = (next: ConfigSnapshot) => {
    app.applyConfig(next);
    configErrors = [];
  };
  let acknowledge: (snapshot: ConfigSnapshot) => void = () => undefined;
  const reload = (): Result<ConfigSnapshot, readonly ConfigIssue[]> => {
    const next = loadConfig(readSources());
    if (next.ok) {
      apply(next.value);
      // The watcher will see our own write to settings.json; it need not apply it a second time.
      acknowledge(next.value);
    }
    return next;
  };
  const status = () =>
    statusView({
      snapshot: app.config(),
      keys: app.keys,
      url: listener.listening()?.url,
      startError: listener.startError(),
      configErrors,
      notices: app.config().notices,
      oauthStatus: (name) => signIn.service.status(name),
    });
  const ctx: AdminContext = {
    app,
    settings,
    secrets: secrets,
    secretStore: secrets.store,
    clock,
    launchAtLogin: options.launchAtLogin ?? NO_LAUNCH_AT_LOGIN,
    config: () => app.config(),
    reload,
    status,
    listening: () => listener.listening(),
    configuredAddress,
    signIn: signIn.service,
    emit: (event) => {
      events.emit(event);
      statusListeners.emit();
    },
  };
  const admin = createAdminService(ctx, readPresets(), (l) => events.subscribe(l));
  const adminToken = options.serveAdmin
    ? (options.adminToken ?? randomBytes(24).toString('base64url'))
    : undefined;
  let closeEventStreams: () => void = () => undefined;
  if (adminToken !== undefined) {
    const http = httpAdminRoutes(admin, adminToken, logger);
    closeEventStreams = http.closeEventStreams;
    adminRouter.use(http.router);
    adminRouter.use(adminUiRoute(findRendererDir()));
  }
  const stopActivity = app.activity.subscribe((record) => {
    events.emit({ kind: 'activity', record: activityView(record) });
    // A failed attempt may have changed a key's health (cooldown, invalid): the window re-reads it.
    if (record.attempts.some((a) => a.status === undefined || a.status >= 400)) changed('keys');
  });
  const watcher = watchConfig({
    readSources,
    initial: loaded.value,
    onChange: (next) => {
      apply(next);
      logger.info({ providers: [...next.providers.keys()] }, 'config reloaded');
      changed('config');
    },
    onError: (issues) => {
      configErrors = issues.map(formatConfigIssue);
      logger.error({ issues: configErrors }, 'config reload failed; keeping the last good config');
      options.onReloadError?.(issues);
      changed('status');
    },
  });
  acknowledge = (snapshot) => watcher.acknowledge(snapshot);
  return ok({
    admin,
    app,
    adminToken,
    status,
    onStatusChange: (l) => statusListeners.subscribe(l),
    startProxy: async () => {
      const started = await listener.start();
      changed('status');
      return started;
    },
    stopProxy: async (drainMs) => {
      closeEventStreams();
      await listener.stop(drainMs);
      changed('status');
    },
    close: async (drainMs) => {
      stopActivity();
      watcher.close();
      closeEventStreams();
      await listener.stop(drainMs);
      await app.close(0);
    },
  });
}
