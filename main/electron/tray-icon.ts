import type { AppStatusView } from '../../shared/admin/views.js';

export type TrayIconName = 'running' | 'error' | 'stopped';

/** The icon follows the proxy's state; providers needing attention do not turn it red. */
export function trayIconFor(state: {
  readonly status: Pick<AppStatusView, 'state'>;
}): TrayIconName {
  return state.status.state;
}

/**
 * The file under `assets/` for an icon. macOS gets the template image whatever the state: the
 * menu bar tints template images for light and dark mode, and a coloured dot there would fight
 * it (the state shows in the menu and tooltip instead). Windows wants `.ico` for crisp scaling at
 * every DPI; Linux takes the png, and Electron picks `@2x` itself on HiDPI.
 */
export function trayIconFile(name: TrayIconName, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'trayTemplate.png';
  if (platform === 'win32') return `tray-${name}.ico`;
  return `tray-${name}.png`;
}

export function trayTooltip(state: { readonly status: AppStatusView }): string {
  const { status } = state;
  switch (status.state) {
    case 'running':
      return `Vandamme: proxy on ${status.url ?? 'an unknown address'}`;
    case 'error':
      return 'Vandamme: the proxy stopped with an error';
    case 'stopped':
      return 'Vandamme: proxy stopped';
  }
}
