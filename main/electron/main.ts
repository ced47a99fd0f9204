import { app, clipboard, dialog, ipcMain, session, shell } from 'electron';
import { createLogger } from '../core/logging/logger.js';
import { startRuntime } from '../runtime/start-runtime.js';
import type { VdmRuntime } from '../runtime/vdm-runtime.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { forwardAdminEvents } from './admin-event-forwarding.js';
import { appPaths } from './app-paths.js';
import { installContentSecurityPolicy } from './content-security-policy.js';
import { electronSettingsStoreFactory } from './electron-settings-store.js';
import { electronTrayFactory } from './electron-tray.js';
import { safeOpenExternal } from './external-links.js';
import { registerAdminIpc } from './ipc-registration.js';
import { createLaunchAtLogin } from './launch-at-login.js';
import { createMainWindow, type MainWindow } from './main-window.js';
import { createQuitDrain } from './quit-drain.js';
import { runTrayAction } from './tray-actions.js';
import { createTrayController, type TrayController } from './tray-controller.js';
import { readTrayState } from './tray-state.js';
import { createTestHook, TEST_HOOK_KEY, testHookEnabled } from './test-hook.js';
import { createTrustedSenders } from './trusted-senders.js';
import { closeBehaviour, showWindowAtLaunch } from './window-behaviour.js';

// The composition root of the desktop app: builds the object graph once and wires Electron's
// events to it. Logic lives in the pure modules it imports (tested without Electron).

const logger = createLogger(process.env.VDM_LOG_LEVEL ?? 'info');

function showError(title: string, error: AppError): void {
  void dialog.showMessageBox({
    type: 'error',
    message: title,
    detail: `${error.message}\n\n${error.fix}`,
  });
}

/** Electron-side settings that must be in place before anything else runs. */
function preparePlatform(): void {
  // Windows attributes notifications and taskbar grouping to this id; it must match the
  // installer's appId (electron-builder.yml) or notifications show the wrong name.
  if (process.platform === 'win32') app.setAppUserModelId('dev.vandamme.desktop');
  // A menu-bar app: no Dock icon. The packaged app also sets LSUIElement (electron-builder.yml);
  // this covers `electron .` in development.
  if (process.platform === 'darwin') app.dock?.hide();
  installContentSecurityPolicy(session.defaultSession);
}

async function openRuntime(): Promise<VdmRuntime | null> {
  const started = await startRuntime({
    vdmHome: process.env.VDM_HOME ?? app.getPath('userData'),
    settingsStoreFactory: electronSettingsStoreFactory(),
    launchAtLogin: createLaunchAtLogin(app, process.platform),
    // Sign-in pages open in the system browser, and only allow-listed https hosts.
    openBrowser: async (url) => {
      const opened = await safeOpenExternal(url, (checked) => shell.openExternal(checked));
      if (!opened.ok) logger.warn({ refusal: opened.refusal }, 'refused to open a sign-in URL');
    },
    logger,
  });
  if (started.ok) return started.value;
  dialog.showErrorBox(
    'Vandamme could not start',
    `${started.error.message}\n\n${started.error.fix}`,
  );
  return null;
}

function createTray(
  runtime: VdmRuntime,
  window: MainWindow,
  assetsDir: string,
  onUnavailable: () => void,
): TrayController {
  return createTrayController({
    factory: electronTrayFactory(assetsDir, process.platform),
    readState: () => readTrayState(runtime.status(), runtime.admin),
    onClick: (id, state) =>
      void runTrayAction(id, state, {
        admin: runtime.admin,
        copyText: (text) => clipboard.writeText(text),
        openWindow: () => window.show(),
        startProxy: () => runtime.startProxy(),
        stopProxy: () => runtime.stopProxy(),
        quit: () => app.quit(),
        reportError: (error) => showError('Vandamme', error),
      }),
    onError: (failure) => {
      logger.error({ err: failure.error }, `tray: ${failure.kind}`);
      if (failure.kind === 'tray-unavailable') onUnavailable();
    },
  });
}

function wireLifecycle(
  runtime: VdmRuntime,
  window: MainWindow,
  tray: TrayController,
  hasTray: () => boolean,
): void {
  app.on('second-instance', () => window.show());
  // macOS: opening the app again from Finder or Spotlight while it runs.
  app.on('activate', () => window.show());
  // Listening is what keeps Electron from quitting when the last window closes (a tray app).
  app.on('window-all-closed', () => {
    if (closeBehaviour({ hasTray: hasTray() }) === 'quit') app.quit();
  });
  app.on(
    'before-quit',
    createQuitDrain({
      close: (drainMs) => {
        window.allowClose();
        tray.destroy();
        return runtime.close(drainMs);
      },
      quit: () => app.quit(),
      onError: (error) => logger.error({ err: error }, 'shutdown failed'),
    }),
  );
}

async function main(): Promise<void> {
  await app.whenReady();
  preparePlatform();
  const runtime = await openRuntime();
  if (runtime === null) {
    app.exit(1);
    return;
  }
  const paths = appPaths(app.getAppPath());
  const trusted = createTrustedSenders(paths.uiUrl);
  let hasTray = process.env.VDM_NO_TRAY !== '1';

  registerAdminIpc(ipcMain, runtime.admin, (event) => trusted.isTrusted(event), {
    onUnexpected: (error) => logger.error({ err: error }, 'admin operation failed'),
    onRefused: (channel) => logger.warn({ channel }, 'refused IPC from an untrusted sender'),
  });
  const window = createMainWindow({
    paths,
    trusted,
    closeBehaviour: () => closeBehaviour({ hasTray }),
    log: (message) => logger.warn(message),
  });
  forwardAdminEvents(runtime.admin, () => window.webContents());
  const tray = createTray(runtime, window, paths.assetsDir, () => (hasTray = false));
  wireLifecycle(runtime, window, tray, () => hasTray);

  // startRuntime builds the proxy without listening; the app serves from launch. A port in use is
  // shown, and the tray offers "Start proxy" to retry.
  const listening = await runtime.startProxy();
  if (!listening.ok) showError('The proxy could not start', listening.error);
  if (hasTray) {
    await tray.render();
    runtime.onStatusChange(() => void tray.render());
  }
  if (testHookEnabled(process.env)) {
    Object.assign(globalThis, { [TEST_HOOK_KEY]: createTestHook(tray) });
  }
  const openedAtLogin = app.getLoginItemSettings().wasOpenedAtLogin;
  if (showWindowAtLaunch({ hasTray, argv: process.argv, openedAtLogin })) window.show();
}

// One instance only: a second launch focuses the running one's window and exits.
if (app.requestSingleInstanceLock()) {
  main().catch((error: unknown) => {
    logger.fatal({ err: error }, 'the desktop app failed to start');
    app.exit(1);
  });
} else {
  app.quit();
}
