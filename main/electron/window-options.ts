import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly platform: NodeJS.Platform;
  /** The app icon (png) for Linux and Windows task bars; macOS takes it from the bundle. */
  readonly iconPath?: string;
}

/**
 * The window's options, following Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): an isolated, sandboxed renderer
 * without Node, reaching main only through the preload's named methods. There is no `remote`
 * module to disable: it was removed from Electron in v14.
 */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    title: 'Vandamme',
    // Shown on 'ready-to-show' so the window never flashes white before the UI paints.
    show: false,
    autoHideMenuBar: true,
    ...(input.platform !== 'darwin' && input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
