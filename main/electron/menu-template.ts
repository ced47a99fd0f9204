import type { MenuItemConstructorOptions } from 'electron';
import type { MenuItemModel } from './tray-menu.js';

/**
 * MenuItemModel -> the template `Menu.buildFromTemplate` takes. Pure (a type-only import of
 * electron), so it is tested without the Electron binary; `electron-tray.ts` only builds the menu.
 */
export function toMenuTemplate(
  items: readonly MenuItemModel[],
  onClick: (id: string) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { id: item.id, type: 'separator' };
      case 'info':
        return { id: item.id, label: item.label, enabled: false };
      case 'action':
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled,
          click: () => onClick(item.id),
        };
      case 'radio':
        return {
          id: item.id,
          type: 'radio',
          label: item.label,
          checked: item.checked,
          click: () => onClick(item.id),
        };
      case 'submenu':
        return { id: item.id, label: item.label, submenu: toMenuTemplate(item.items, onClick) };
    }
  });
}
