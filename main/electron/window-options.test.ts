import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options.js';

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer, without Node', () => {
    const options = mainWindowOptions({
      preloadPath: '/app/dist/electron/preload.cjs',
      platform: 'linux',
    });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.show).toBe(false);
  });

  it('sets the window icon except on macOS, where the bundle provides it', () => {
    expect(
      mainWindowOptions({ preloadPath: 'p', platform: 'linux', iconPath: '/i.png' }).icon,
    ).toBe('/i.png');
    expect(
      mainWindowOptions({ preloadPath: 'p', platform: 'darwin', iconPath: '/i.png' }).icon,
    ).toBeUndefined();
  });
});
