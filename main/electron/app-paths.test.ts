import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths.js';

describe('appPaths', () => {
  it('finds the bundles, the built UI and the assets under the app path', () => {
    const paths = appPaths('/opt/Vandamme/resources/app.asar');
    expect(paths).toEqual({
      preload: '/opt/Vandamme/resources/app.asar/dist/electron/preload.cjs',
      uiIndex: '/opt/Vandamme/resources/app.asar/dist/renderer/index.html',
      uiUrl: 'file:///opt/Vandamme/resources/app.asar/dist/renderer/index.html',
      assetsDir: '/opt/Vandamme/resources/app.asar/assets',
      appIcon: '/opt/Vandamme/resources/app.asar/assets/icon.png',
    });
  });
});
