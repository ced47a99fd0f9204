import { trayIconFor, trayTooltip, type TrayIconName } from './tray-icon.js';
import { trayMenu, type MenuItemModel } from './tray-menu.js';
import type { TrayState } from './tray-state.js';

/** The tray as the controller sees it; the Electron adapter lives in `electron-tray.ts`. */
export interface TrayHandle {
  setIcon(icon: TrayIconName): void;
  setToolTip(text: string): void;
  setMenu(items: readonly MenuItemModel[], onClick: (id: string) => void): void;
  destroy(): void;
}

export type TrayFailure =
  | { readonly kind: 'state-unreadable'; readonly error: unknown }
  | { readonly kind: 'tray-unavailable'; readonly error: unknown };

/** Builds the tray (the TrayFactory port of STYLE.md); tests pass a fake. */
export type TrayFactory = (icon: TrayIconName) => TrayHandle;

export interface TrayControllerOptions {
  readonly factory: TrayFactory;
  readonly readState: () => Promise<TrayState>;
  readonly onClick: (id: string, state: TrayState) => void;
  /**
   * `state-unreadable`: the tray keeps its last good menu. `tray-unavailable`: the OS refused the
   * tray (some Linux desktops); the caller falls back to the window (window-behaviour.ts).
   */
  readonly onError?: (failure: TrayFailure) => void;
}

export interface TrayController {
  /** Re-reads state and re-renders; calls made while one runs are folded into one more pass. */
  render(): Promise<void>;
  /** The menu last rendered (the e2e test hook reads it by stable id). */
  currentMenu(): readonly MenuItemModel[];
  /** Clicks an item of the last rendered menu by id, as the user would. */
  click(id: string): void;
  destroy(): void;
}

/**
 * Owns the tray (Signal Desktop style): state in, menu out, re-rendered on every status change.
 * Rendering is idempotent: an unchanged menu, icon or tooltip is not pushed to the OS again,
 * since rebuilding a native menu while it is open closes it on some platforms.
 */
export function createTrayController(options: TrayControllerOptions): TrayController {
  let handle: TrayHandle | null = null;
  let state: TrayState | null = null;
  let menu: readonly MenuItemModel[] = [];
  let shown = { icon: '', tooltip: '', menu: '' };
  let running: Promise<void> | null = null;
  let again = false;
  let destroyed = false;

  const click = (id: string) => {
    if (state !== null) options.onClick(id, state);
  };

  function apply(next: TrayState) {
    if (destroyed) return;
    state = next;
    const icon = trayIconFor(next);
    const tooltip = trayTooltip(next);
    const nextMenu = trayMenu(next);
    const menuKey = JSON.stringify(nextMenu);
    if (handle === null) {
      try {
        handle = options.factory(icon);
      } catch (error) {
        options.onError?.({ kind: 'tray-unavailable', error });
        return;
      }
    }
    if (icon !== shown.icon) handle.setIcon(icon);
    if (tooltip !== shown.tooltip) handle.setToolTip(tooltip);
    if (menuKey !== shown.menu) handle.setMenu(nextMenu, click);
    menu = nextMenu;
    shown = { icon, tooltip, menu: menuKey };
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      let next: TrayState;
      try {
        next = await options.readState();
      } catch (error) {
        options.onError?.({ kind: 'state-unreadable', error });
        continue;
      }
      apply(next);
    } while (again && !destroyed);
  }

  return {
    render() {
      if (running !== null) {
        again = true;
        return running;
      }
      running = pass().finally(() => {
        running = null;
      });
      return running;
    },
    currentMenu: () => menu,
    click,
    destroy() {
      destroyed = true;
      handle?.destroy();
      handle = null;
    },
  };
}
