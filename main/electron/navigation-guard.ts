import { safeOpenExternal } from './external-links.js';
import { isOwnUiUrl } from './own-ui-url.js';

/** The few webContents members the guard uses (Electron's WebContents satisfies it). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void; url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  readonly uiUrl: string;
  readonly openExternal: (url: string) => Promise<void>;
  readonly onRefused?: (url: string) => void;
}

/**
 * The window only ever shows our UI: navigation elsewhere is cancelled, new windows are denied,
 * and a link to an allow-listed https host opens in the system browser instead
 * (https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation).
 */
export function installNavigationGuard(
  contents: GuardedContents,
  options: NavigationGuardOptions,
): void {
  const openOutside = (url: string) => {
    void safeOpenExternal(url, options.openExternal).then((checked) => {
      if (!checked.ok) options.onRefused?.(url);
    });
  };
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (isOwnUiUrl(event.url, options.uiUrl)) return;
    event.preventDefault();
    openOutside(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
