/** What closing the window does. */
export type CloseBehaviour = 'hide-to-tray' | 'quit';

/**
 * A tray app keeps running when its window closes: the tray is the way back. Without a tray
 * (Linux desktops with no StatusNotifier/AppIndicator host, e.g. GNOME without the AppIndicator
 * extension, where `new Tray()` fails or is invisible; VDM_NO_TRAY=1 forces this), hiding the
 * window would leave no way back, so closing it quits (after draining the proxy).
 * Electron has no API telling whether a tray icon is actually shown on Linux
 * (https://github.com/electron/electron/issues/10427), so this follows what we can see.
 */
export function closeBehaviour(input: { readonly hasTray: boolean }): CloseBehaviour {
  return input.hasTray ? 'hide-to-tray' : 'quit';
}

/**
 * Whether the window opens at launch: always without a tray (it would be the only way in), and
 * with one unless the app was started at login or with `--hidden` (it then waits in the tray).
 */
export function showWindowAtLaunch(input: {
  readonly hasTray: boolean;
  readonly argv: readonly string[];
  readonly openedAtLogin: boolean;
}): boolean {
  if (!input.hasTray) return true;
  return !input.openedAtLogin && !input.argv.includes('--hidden');
}
