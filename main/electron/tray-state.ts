import type { AdminService } from '../admin/admin-service.js';
import type { AppStatusView, ProviderView } from '../../shared/admin/views.js';

/** What the tray shows of one provider: enough for the default-provider switch and its lock. */
export interface TrayProvider {
  readonly name: string;
  readonly isDefault: boolean;
  readonly isOAuth: boolean;
  /** Set for OAuth providers only, as the window's lock badge shows it. */
  readonly oauth: 'signed-in' | 'signed-out' | 'expired' | null;
}

/** Everything the tray menu is a function of (Signal Desktop style: menu = f(state)). */
export interface TrayState {
  readonly status: AppStatusView;
  readonly providers: readonly TrayProvider[];
  readonly proxyRunning: boolean;
}

export function toTrayProvider(provider: ProviderView): TrayProvider {
  return {
    name: provider.name,
    isDefault: provider.isDefault,
    isOAuth: provider.authMode === 'oauth' || provider.oauth !== null,
    oauth: provider.oauth?.kind ?? null,
  };
}

/**
 * Reads the tray's state through the admin service, as the window does. A failing provider list
 * leaves the switch empty rather than the tray stale: the status line still tells the truth.
 */
export async function readTrayState(
  status: AppStatusView,
  admin: Pick<AdminService, 'handle'>,
): Promise<TrayState> {
  const listed = await admin.handle('providers.list', {});
  return {
    status,
    providers: listed.ok ? listed.value.providers.map(toTrayProvider) : [],
    proxyRunning: status.state === 'running',
  };
}
