import type { TrayProvider, TrayState } from './tray-state.js';

/**
 * The tray menu as data: a pure function of state renders it, a thin adapter turns it into an
 * Electron menu, and tests (and the e2e hook) click items by their stable `id`.
 */
export type MenuItemModel =
  | {
      readonly kind: 'action';
      readonly id: string;
      readonly label: string;
      readonly enabled: boolean;
    }
  | { readonly kind: 'info'; readonly id: string; readonly label: string }
  | {
      readonly kind: 'radio';
      readonly id: string;
      readonly label: string;
      readonly checked: boolean;
    }
  | {
      readonly kind: 'submenu';
      readonly id: string;
      readonly label: string;
      readonly items: readonly MenuItemModel[];
    }
  | { readonly kind: 'separator'; readonly id: string };

export const TRAY_IDS = {
  status: 'status',
  copyAddress: 'copy-address',
  copyClaudeSetup: 'copy-claude-setup',
  defaultProvider: 'default-provider',
  openWindow: 'open-window',
  startProxy: 'start-proxy',
  stopProxy: 'stop-proxy',
  quit: 'quit',
} as const;

const DEFAULT_PROVIDER_PREFIX = `${TRAY_IDS.defaultProvider}:`;

export const defaultProviderItemId = (name: string): string => `${DEFAULT_PROVIDER_PREFIX}${name}`;

/** The provider a `default-provider:<name>` id selects, or null for any other id. */
export function providerOfItemId(id: string): string | null {
  return id.startsWith(DEFAULT_PROVIDER_PREFIX) ? id.slice(DEFAULT_PROVIDER_PREFIX.length) : null;
}

function statusLabel(state: TrayState): string {
  switch (state.status.state) {
    case 'running':
      return `Proxy running on ${state.status.url ?? 'an unknown address'}`;
    case 'error':
      return 'Proxy stopped with an error';
    case 'stopped':
      return 'Proxy stopped';
  }
}

/** 🔐 marks OAuth providers everywhere (PRODUCT.md); a sign-in problem is spelled out. */
function providerLabel(provider: TrayProvider): string {
  if (!provider.isOAuth) return provider.name;
  const suffix =
    provider.oauth === 'signed-out'
      ? ' (not signed in)'
      : provider.oauth === 'expired'
        ? ' (sign-in expired)'
        : '';
  return `🔐 ${provider.name}${suffix}`;
}

function defaultProviderMenu(state: TrayState): MenuItemModel {
  const items: MenuItemModel[] =
    state.providers.length === 0
      ? [{ kind: 'info', id: `${DEFAULT_PROVIDER_PREFIX}none`, label: 'No provider configured' }]
      : state.providers.map((provider) => ({
          kind: 'radio',
          id: defaultProviderItemId(provider.name),
          label: providerLabel(provider),
          checked: provider.isDefault,
        }));
  return { kind: 'submenu', id: TRAY_IDS.defaultProvider, label: 'Default provider', items };
}

function attentionItems(state: TrayState): MenuItemModel[] {
  if (state.status.attention.length === 0) return [];
  return [
    { kind: 'separator', id: 'attention-separator' },
    ...state.status.attention.map((item, index): MenuItemModel => ({
      kind: 'info',
      id: `attention:${index}`,
      label: `⚠ ${item.provider}: ${item.reason}`,
    })),
  ];
}

export function trayMenu(state: TrayState): readonly MenuItemModel[] {
  const { status } = state;
  return [
    { kind: 'info', id: TRAY_IDS.status, label: statusLabel(state) },
    {
      kind: 'action',
      id: TRAY_IDS.copyAddress,
      label: status.url === null ? 'Copy address' : `Copy address ${status.url}`,
      enabled: status.url !== null,
    },
    {
      kind: 'action',
      id: TRAY_IDS.copyClaudeSetup,
      label: 'Copy Claude Code setup',
      enabled: status.claudeCodeSetup !== null,
    },
    { kind: 'separator', id: 'providers-separator' },
    defaultProviderMenu(state),
    ...attentionItems(state),
    { kind: 'separator', id: 'window-separator' },
    { kind: 'action', id: TRAY_IDS.openWindow, label: 'Open Vandamme', enabled: true },
    state.proxyRunning
      ? { kind: 'action', id: TRAY_IDS.stopProxy, label: 'Stop proxy', enabled: true }
      : { kind: 'action', id: TRAY_IDS.startProxy, label: 'Start proxy', enabled: true },
    { kind: 'separator', id: 'quit-separator' },
    { kind: 'action', id: TRAY_IDS.quit, label: 'Quit Vandamme', enabled: true },
  ];
}

/** Depth-first lookup by id: what the e2e hook and tests use to "click" an item. */
export function findMenuItem(
  items: readonly MenuItemModel[],
  id: string,
): MenuItemModel | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    if (item.kind === 'submenu') {
      const found = findMenuItem(item.items, id);
      if (found) return found;
    }
  }
  return undefined;
}
