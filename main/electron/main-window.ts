import { app, BrowserWindow, shell, type WebContents } from 'electron';
import type { AppPaths } from './app-paths.js';
import { installNavigationGuard } from './navigation-guard.js';
import type { TrustedSenders } from './trusted-senders.js';
import type { CloseBehaviour } from './window-behaviour.js';
import { mainWindowOptions } from './window-options.js';

export interface MainWindow {
  /** Shows and focuses the window, creating it if needed (tray "Open", second instance). */
  show(): void;
  webContents(): readonly WebContents[];
  /** Lets the next close really close (quit in progress). */
  allowClose(): void;
}

export function createMainWindow(input: {
  readonly paths: AppPaths;
  readonly trusted: TrustedSenders;
  readonly closeBehaviour: () => CloseBehaviour;
  readonly log: (message: string) => void;
}): MainWindow {
  let window: BrowserWindow | null = null;
  let closing = false;

  function reveal(target: BrowserWindow): void {
    target.show();
    // macOS: with the Dock icon hidden the app is not active, so focus() alone leaves the
    // window behind other apps' (https://github.com/electron/electron/issues/19920).
    if (process.platform === 'darwin') app.focus({ steal: true });
    target.focus();
  }

  function create(): BrowserWindow {
    const created = new BrowserWindow(
      mainWindowOptions({
        preloadPath: input.paths.preload,
        platform: process.platform,
        iconPath: input.paths.appIcon,
      }),
    );
    input.trusted.add(created.webContents);
    installNavigationGuard(created.webContents, {
      uiUrl: input.paths.uiUrl,
      openExternal: (url) => shell.openExternal(url),
      onRefused: (url) => input.log(`refused to open ${url}`),
    });
    created.once('ready-to-show', () => reveal(created));
    created.on('close', (event) => {
      if (closing || input.closeBehaviour() === 'quit') return;
      // A tray app keeps running: hide instead of destroying, so reopening is instant.
      event.preventDefault();
      created.hide();
    });
    created.on('closed', () => {
      window = null;
      if (!closing && input.closeBehaviour() === 'quit') app.quit();
    });
    void created.loadFile(input.paths.uiIndex);
    return created;
  }

  return {
    show() {
      window ??= create();
      if (window.isMinimized()) window.restore();
      if (window.webContents.isLoading()) return; // 'ready-to-show' will reveal it
      reveal(window);
    },
    webContents: () => (window === null ? [] : [window.webContents]),
    allowClose() {
      closing = true;
    },
  };
}
