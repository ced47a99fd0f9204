import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary =
  | { readonly kind: 'installed'; readonly path: string }
  | { readonly kind: 'missing'; readonly reason: string };

/**
 * Where the `electron` package's binary is, found the way its own index.js finds it (path.txt
 * written by its install script, under dist/ or ELECTRON_OVERRIDE_DIST_PATH), without requiring
 * it: `require('electron')` throws when the download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD).
 */
export function findElectronBinary(from: string = process.cwd()): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = dirname(
      createRequire(join(from, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return { kind: 'missing', reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return { kind: 'missing', reason: `${pathFile} does not exist (binary download skipped)` };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary)
    ? { kind: 'installed', path: binary }
    : { kind: 'missing', reason: `${binary} does not exist` };
}
