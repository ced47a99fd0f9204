import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findPackageDefaults, packageDefaultsCandidates } from './package-defaults.js';

describe('package defaults.toml', () => {
  it('is found beside the source module', () => {
    expect(findPackageDefaults()).toBe(path.join(import.meta.dirname, 'defaults.toml'));
  });

  it('is found from the built bundle dist/vdm.mjs', () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const built = pathToFileURL(path.join(root, 'dist', 'vdm.mjs')).href;
    const candidates = packageDefaultsCandidates(built);
    expect(candidates).toContain(path.join(root, 'main', 'config', 'defaults.toml'));
    expect(findPackageDefaults(candidates)).toBe(
      path.join(root, 'main', 'config', 'defaults.toml'),
    );
  });
});
