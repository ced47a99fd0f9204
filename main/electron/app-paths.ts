import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  readonly preload: string;
  /** The renderer Vite builds into dist/renderer. */
  readonly uiIndex: string;
  /** `file://` URL of uiIndex: what our window's frames must show to be trusted. */
  readonly uiUrl: string;
  readonly assetsDir: string;
  readonly appIcon: string;
}

/**
 * Where things are, from `app.getAppPath()`: the project directory under `electron .`, the asar
 * root when packaged (electron-builder.yml "files" ships dist/** and assets/ there).
 */
export function appPaths(appPath: string): AppPaths {
  const uiIndex = join(appPath, 'dist', 'renderer', 'index.html');
  const assetsDir = join(appPath, 'assets');
  return {
    preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
    uiIndex,
    uiUrl: pathToFileURL(uiIndex).href,
    assetsDir,
    appIcon: join(assetsDir, 'icon.png'),
  };
}
