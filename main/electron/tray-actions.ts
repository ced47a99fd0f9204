import { dispatchAdmin } from '../admin/dispatch-admin.js';
import type { AdminService } from '../admin/admin-service.js';
import type { AppError } from '../../shared/domain/app-error.js';
import type { Result } from '../../shared/result.js';
import { providerOfItemId, TRAY_IDS } from './tray-menu.js';
import type { TrayState } from './tray-state.js';

/** What a tray click may do: each an injected port, so the wiring is tested without Electron. */
export interface TrayActionPorts {
  readonly admin: AdminService;
  readonly copyText: (text: string) => void;
  readonly openWindow: () => void;
  readonly startProxy: () => Promise<Result<unknown, AppError>>;
  readonly stopProxy: () => Promise<void>;
  readonly quit: () => void;
  /** A click that failed: shown to the user (a notification or dialog), never thrown. */
  readonly reportError: (error: AppError) => void;
}

/** Runs the action of a clicked tray item; unknown ids do nothing (a stale menu is harmless). */
export async function runTrayAction(
  id: string,
  state: TrayState,
  ports: TrayActionPorts,
): Promise<void> {
  switch (id) {
    case TRAY_IDS.copyAddress:
      if (state.status.url !== null) ports.copyText(state.status.url);
      return;
    case TRAY_IDS.copyClaudeSetup:
      if (state.status.claudeCodeSetup !== null) ports.copyText(state.status.claudeCodeSetup);
      return;
    case TRAY_IDS.openWindow:
      ports.openWindow();
      return;
    case TRAY_IDS.startProxy: {
      const started = await ports.startProxy();
      if (!started.ok) ports.reportError(started.error);
      return;
    }
    case TRAY_IDS.stopProxy:
      await ports.stopProxy();
      return;
    case TRAY_IDS.quit:
      ports.quit();
      return;
  }
  const provider = providerOfItemId(id);
  if (provider === null) return;
  // Through dispatchAdmin, like the window: the name is validated by the same schema.
  const set = await dispatchAdmin(ports.admin, 'defaultProvider.set', { name: provider });
  if (!set.ok) ports.reportError(set.error);
}
