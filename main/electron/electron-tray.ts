import { join } from 'node:path';
import { Menu, nativeImage, Tray, type NativeImage } from 'electron';
import { toMenuTemplate } from './menu-template.js';
import { trayIconFile, type TrayIconName } from './tray-icon.js';
import type { TrayFactory } from './tray-controller.js';

/** The TrayFactory over Electron's Tray: thin on purpose, the logic is in tray-controller.ts. */
export function electronTrayFactory(assetsDir: string, platform: NodeJS.Platform): TrayFactory {
  const image = (name: TrayIconName): NativeImage => {
    const icon = nativeImage.createFromPath(join(assetsDir, trayIconFile(name, platform)));
    // The `Template` suffix already marks it; set it explicitly so a renamed file stays tinted.
    if (platform === 'darwin') icon.setTemplateImage(true);
    return icon;
  };
  return (initial) => {
    const tray = new Tray(image(initial));
    // Windows opens a tray's context menu on right-click only; users of tray apps expect the
    // left click to open it too. (macOS opens it on click; Linux AppIndicator has no click event.)
    if (platform === 'win32') tray.on('click', () => tray.popUpContextMenu());
    return {
      setIcon: (name) => tray.setImage(image(name)),
      // Linux AppIndicator trays show no tooltip; setting it is harmless there.
      setToolTip: (text) => tray.setToolTip(text),
      // Rebuilt and set again on every change: on Linux a changed menu only shows once it is
      // set again (https://www.electronjs.org/docs/latest/api/tray#traysetcontextmenumenu).
      setMenu: (items, onClick) =>
        tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(items, onClick))),
      destroy: () => tray.destroy(),
    };
  };
}
