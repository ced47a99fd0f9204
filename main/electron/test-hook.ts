import type { TrayController } from './tray-controller.js';
import type { MenuItemModel } from './tray-menu.js';

/** Set on the main process's globalThis under VDM_E2E=1; Playwright reads it via `app.evaluate`. */
export const TEST_HOOK_KEY = '__vdmE2E';

export interface TestHook {
  /** True once the runtime started and the tray rendered: tests wait on it instead of sleeping. */
  readonly ready: boolean;
  trayMenu(): readonly MenuItemModel[];
  /** Clicks a tray item by its stable id (Mattermost Desktop's harness style). */
  clickTray(id: string): void;
}

export function createTestHook(tray: Pick<TrayController, 'currentMenu' | 'click'>): TestHook {
  return {
    ready: true,
    trayMenu: () => tray.currentMenu(),
    clickTray: (id) => tray.click(id),
  };
}

export const testHookEnabled = (env: NodeJS.ProcessEnv): boolean => env.VDM_E2E === '1';
