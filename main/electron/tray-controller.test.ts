import { describe, expect, it, vi } from 'vitest';
import { createTestHook } from './test-hook.js';
import { statusView, trayState } from './test-fixtures.js';
import type { TrayIconName } from './tray-icon.js';
import { createTrayController, type TrayFactory } from './tray-controller.js';
import type { MenuItemModel } from './tray-menu.js';
import type { TrayState } from './tray-state.js';

function fakeTrayFactory() {
  const calls: string[] = [];
  let onClick: (id: string) => void = () => undefined;
  let menu: readonly MenuItemModel[] = [];
  const factory: TrayFactory = vi.fn((icon: TrayIconName) => {
    calls.push(`create ${icon}`);
    return {
      setIcon: (name: TrayIconName) => calls.push(`icon ${name}`),
      setToolTip: (text: string) => calls.push(`tooltip ${text}`),
      setMenu: (items: readonly MenuItemModel[], click: (id: string) => void) => {
        calls.push(`menu ${items.length}`);
        menu = items;
        onClick = click;
      },
      destroy: () => calls.push('destroy'),
    };
  });
  return { factory, calls, click: (id: string) => onClick(id), menu: () => menu };
}

describe('createTrayController', () => {
  it('creates the tray once and renders icon, tooltip and menu', async () => {
    const tray = fakeTrayFactory();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => trayState(),
      onClick: () => undefined,
    });
    await controller.render();
    expect(tray.factory).toHaveBeenCalledTimes(1);
    expect(tray.calls[0]).toBe('create running');
    expect(tray.calls.some((c) => c.startsWith('menu'))).toBe(true);
    expect(controller.currentMenu()).toBe(tray.menu());
  });

  it('does not push an unchanged menu again (idempotent re-render)', async () => {
    const tray = fakeTrayFactory();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => trayState(),
      onClick: () => undefined,
    });
    await controller.render();
    const before = tray.calls.length;
    await controller.render();
    await controller.render();
    expect(tray.calls.length).toBe(before);
  });

  it('re-renders what changed when the status changes', async () => {
    const tray = fakeTrayFactory();
    let state: TrayState = trayState();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => state,
      onClick: () => undefined,
    });
    await controller.render();
    tray.calls.length = 0;
    state = trayState({ status: statusView({ state: 'stopped', url: null }) });
    await controller.render();
    expect(tray.calls).toEqual([
      'icon stopped',
      'tooltip Vandamme: proxy stopped',
      `menu ${controller.currentMenu().length}`,
    ]);
    expect(controller.currentMenu().some((i) => i.id === 'start-proxy')).toBe(true);
  });

  it('folds renders asked for while one runs into one more pass', async () => {
    const tray = fakeTrayFactory();
    let reads = 0;
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => {
        reads += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return trayState();
      },
      onClick: () => undefined,
    });
    await Promise.all([controller.render(), controller.render(), controller.render()]);
    expect(reads).toBe(2);
  });

  it('passes clicks with the state they were rendered from', async () => {
    const tray = fakeTrayFactory();
    const onClick = vi.fn();
    const state = trayState();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => state,
      onClick,
    });
    await controller.render();
    tray.click('copy-address');
    controller.click('quit');
    expect(onClick.mock.calls).toEqual([
      ['copy-address', state],
      ['quit', state],
    ]);
  });

  it('keeps the last menu when the state cannot be read, and reports it', async () => {
    const tray = fakeTrayFactory();
    let fail = false;
    const onError = vi.fn();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => {
        if (fail) throw new Error('boom');
        return trayState();
      },
      onClick: () => undefined,
      onError,
    });
    await controller.render();
    const menu = controller.currentMenu();
    fail = true;
    await controller.render();
    expect(controller.currentMenu()).toBe(menu);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'state-unreadable' }));
  });

  it('reports a tray the OS refused', async () => {
    const onError = vi.fn();
    const controller = createTrayController({
      factory: () => {
        throw new Error('no StatusNotifier host');
      },
      readState: async () => trayState(),
      onClick: () => undefined,
      onError,
    });
    await controller.render();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'tray-unavailable' }));
  });

  it('destroys the tray and stops rendering', async () => {
    const tray = fakeTrayFactory();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => trayState(),
      onClick: () => undefined,
    });
    await controller.render();
    controller.destroy();
    await controller.render();
    expect(tray.calls.at(-1)).toBe('destroy');
    expect(tray.factory).toHaveBeenCalledTimes(1);
  });

  it('exposes the menu and clicks by id through the e2e test hook', async () => {
    const tray = fakeTrayFactory();
    const onClick = vi.fn();
    const controller = createTrayController({
      factory: tray.factory,
      readState: async () => trayState(),
      onClick,
    });
    await controller.render();
    const hook = createTestHook(controller);
    expect(hook.ready).toBe(true);
    expect(hook.trayMenu().map((i) => i.id)).toContain('open-window');
    hook.clickTray('open-window');
    expect(onClick).toHaveBeenCalledWith('open-window', expect.anything());
  });
});
