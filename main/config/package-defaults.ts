import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped `defaults.toml` is. Under vitest this module runs from `main/config/`, beside
 * the file; built, it is inside the bundle `dist/vdm.mjs` and the build does not copy the TOML, so
 * we look back up at the package's `main/config/defaults.toml` (listed in package.json `files`).
 */
export function packageDefaultsCandidates(moduleUrl: string = import.meta.url): readonly string[] {
  const here = path.dirname(fileURLToPath(moduleUrl));
  return [
    path.join(here, 'defaults.toml'),
    path.resolve(here, '..', 'main', 'config', 'defaults.toml'),
  ];
}

/** The first candidate that exists, or undefined when the package is missing it. */
export function findPackageDefaults(
  candidates: readonly string[] = packageDefaultsCandidates(),
): string | undefined {
  return candidates.find((candidate) => existsSync(candidate));
}
