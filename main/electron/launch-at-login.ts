import type { LaunchAtLogin } from '../runtime/vdm-runtime.js';

/** The part of Electron's `app` behind launch at login. */
export interface LoginItemApp {
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean }): void;
}

/**
 * The LaunchAtLogin port over `app.get/setLoginItemSettings`, which Electron implements on macOS
 * and Windows only. On Linux there is no such API (autostart .desktop files are per desktop), so
 * the setting shows as unsupported rather than silently not working.
 */
export function createLaunchAtLogin(app: LoginItemApp, platform: NodeJS.Platform): LaunchAtLogin {
  const supported = platform === 'darwin' || platform === 'win32';
  return {
    supported,
    get: () => supported && app.getLoginItemSettings().openAtLogin,
    set(enabled) {
      if (!supported) return;
      // openAsHidden: macOS starts the app to its menu bar icon, not a window.
      app.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true });
    },
  };
}
