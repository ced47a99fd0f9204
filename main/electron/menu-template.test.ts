import { describe, expect, it, vi } from 'vitest';
import { toMenuTemplate } from './menu-template.js';
import { trayMenu } from './tray-menu.js';
import { trayState } from './test-fixtures.js';

describe('toMenuTemplate', () => {
  it('maps every kind of item and keeps the ids', () => {
    const onClick = vi.fn();
    const template = toMenuTemplate(trayMenu(trayState()), onClick);
    expect(template[0]).toMatchObject({ id: 'status', enabled: false });
    expect(template.find((i) => i.type === 'separator')).toBeDefined();
    const submenu = template.find((i) => i.id === 'default-provider');
    expect(Array.isArray(submenu?.submenu)).toBe(true);
    const radios = submenu?.submenu as { type?: string; checked?: boolean; id?: string }[];
    expect(radios.map((r) => [r.id, r.type, r.checked])).toEqual([
      ['default-provider:openai', 'radio', true],
      ['default-provider:chatgpt', 'radio', false],
    ]);
  });

  it('routes clicks to the item id', () => {
    const onClick = vi.fn();
    const template = toMenuTemplate(trayMenu(trayState()), onClick);
    const quit = template.find((i) => i.id === 'quit');
    quit?.click?.(...([] as unknown as Parameters<NonNullable<typeof quit.click>>));
    expect(onClick).toHaveBeenCalledWith('quit');
  });
});
