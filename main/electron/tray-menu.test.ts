import { describe, expect, it } from 'vitest';
import { statusView, trayState } from './test-fixtures.js';
import { trayIconFile, trayIconFor, trayTooltip } from './tray-icon.js';
import { findMenuItem, providerOfItemId, trayMenu, type MenuItemModel } from './tray-menu.js';

const ids = (items: readonly MenuItemModel[]) => items.map((item) => item.id);
const item = (items: readonly MenuItemModel[], id: string) => {
  const found = findMenuItem(items, id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('trayMenu', () => {
  it('shows the address, the Claude Code setup, the switch, the window, stop and quit when running', () => {
    const menu = trayMenu(trayState());
    expect(ids(menu).filter((id) => !id.includes('separator'))).toEqual([
      'status',
      'copy-address',
      'copy-claude-setup',
      'default-provider',
      'open-window',
      'stop-proxy',
      'quit',
    ]);
    expect(item(menu, 'status')).toMatchObject({ label: 'Proxy running on http://127.0.0.1:8082' });
    expect(item(menu, 'copy-address')).toMatchObject({
      label: 'Copy address http://127.0.0.1:8082',
      enabled: true,
    });
    expect(item(menu, 'copy-claude-setup')).toMatchObject({ enabled: true });
    expect(item(menu, 'stop-proxy')).toMatchObject({ label: 'Stop proxy' });
  });

  it('offers start instead of stop, and disables copying, when the proxy is stopped', () => {
    const menu = trayMenu(
      trayState({ status: statusView({ state: 'stopped', url: null, claudeCodeSetup: null }) }),
    );
    expect(findMenuItem(menu, 'stop-proxy')).toBeUndefined();
    expect(item(menu, 'start-proxy')).toMatchObject({ label: 'Start proxy', enabled: true });
    expect(item(menu, 'copy-address')).toMatchObject({ label: 'Copy address', enabled: false });
    expect(item(menu, 'copy-claude-setup')).toMatchObject({ enabled: false });
    expect(item(menu, 'status')).toMatchObject({ label: 'Proxy stopped' });
  });

  it('says so when the proxy stopped with an error, and offers to start it again', () => {
    const menu = trayMenu(trayState({ status: statusView({ state: 'error', url: null }) }));
    expect(item(menu, 'status')).toMatchObject({ label: 'Proxy stopped with an error' });
    expect(findMenuItem(menu, 'start-proxy')).toBeDefined();
  });

  it('lists providers as radio items, the default checked, OAuth ones with 🔐', () => {
    const menu = trayMenu(
      trayState({
        providers: [
          { name: 'openai', isDefault: false, isOAuth: false, oauth: null },
          { name: 'chatgpt', isDefault: true, isOAuth: true, oauth: 'signed-in' },
          { name: 'codex', isDefault: false, isOAuth: true, oauth: 'expired' },
          { name: 'other', isDefault: false, isOAuth: true, oauth: 'signed-out' },
        ],
      }),
    );
    const submenu = item(menu, 'default-provider');
    expect(submenu.kind).toBe('submenu');
    if (submenu.kind !== 'submenu') return;
    expect(submenu.items).toEqual([
      { kind: 'radio', id: 'default-provider:openai', label: 'openai', checked: false },
      { kind: 'radio', id: 'default-provider:chatgpt', label: '🔐 chatgpt', checked: true },
      {
        kind: 'radio',
        id: 'default-provider:codex',
        label: '🔐 codex (sign-in expired)',
        checked: false,
      },
      {
        kind: 'radio',
        id: 'default-provider:other',
        label: '🔐 other (not signed in)',
        checked: false,
      },
    ]);
  });

  it('says when no provider is configured', () => {
    const submenu = item(trayMenu(trayState({ providers: [] })), 'default-provider');
    expect(submenu).toMatchObject({
      items: [{ kind: 'info', label: 'No provider configured' }],
    });
  });

  it('adds one disabled item per provider needing attention, with the reason', () => {
    const menu = trayMenu(
      trayState({
        status: statusView({
          attention: [
            { provider: 'openai', reason: 'key …abcd is invalid (401)' },
            { provider: 'chatgpt', reason: 'sign-in expired' },
          ],
        }),
      }),
    );
    expect(item(menu, 'attention:0')).toEqual({
      kind: 'info',
      id: 'attention:0',
      label: '⚠ openai: key …abcd is invalid (401)',
    });
    expect(item(menu, 'attention:1')).toMatchObject({ label: '⚠ chatgpt: sign-in expired' });
    expect(findMenuItem(trayMenu(trayState()), 'attention:0')).toBeUndefined();
  });

  it('keeps ids unique', () => {
    const all: string[] = [];
    const walk = (items: readonly MenuItemModel[]) =>
      items.forEach((i) => {
        all.push(i.id);
        if (i.kind === 'submenu') walk(i.items);
      });
    walk(
      trayMenu(trayState({ status: statusView({ attention: [{ provider: 'a', reason: 'b' }] }) })),
    );
    expect(new Set(all).size).toBe(all.length);
  });

  it('maps default-provider ids back to provider names', () => {
    expect(providerOfItemId('default-provider:openrouter')).toBe('openrouter');
    expect(providerOfItemId('quit')).toBeNull();
  });
});

describe('tray icon', () => {
  it.each(['running', 'error', 'stopped'] as const)('follows the %s state', (state) => {
    expect(trayIconFor(trayState({ status: statusView({ state }) }))).toBe(state);
  });

  it('uses the template image on macOS, .ico on Windows and png on Linux', () => {
    expect(trayIconFile('error', 'darwin')).toBe('trayTemplate.png');
    expect(trayIconFile('error', 'win32')).toBe('tray-error.ico');
    expect(trayIconFile('running', 'linux')).toBe('tray-running.png');
  });

  it('says the state in the tooltip', () => {
    expect(trayTooltip(trayState())).toContain('http://127.0.0.1:8082');
    expect(trayTooltip(trayState({ status: statusView({ state: 'stopped' }) }))).toContain(
      'stopped',
    );
  });
});
