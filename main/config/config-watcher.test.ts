import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchConfig } from './config-watcher.js';
import type { ConfigIssue, ConfigSnapshot } from './model.js';
import {
  type Project,
  loadOk,
  removeProjects,
  tempProject,
} from './test-support/config-fixture.js';

const WAIT = { timeout: 5_000, interval: 20 };
const closers: (() => void)[] = [];

afterEach(() => {
  for (const close of closers.splice(0)) close();
  removeProjects();
});

function watching(p: Project) {
  const changes: ConfigSnapshot[] = [];
  const errors: (readonly ConfigIssue[])[] = [];
  let reloads = 0;
  const readSources = () => {
    reloads += 1;
    return p.sources();
  };
  const watcher = watchConfig({
    readSources,
    initial: loadOk(p.sources()),
    onChange: (next) => changes.push(next),
    onError: (issues) => errors.push(issues),
    debounceMs: 30,
  });
  closers.push(() => watcher.close());
  return { changes, errors, reloads: () => reloads };
}

describe('watchConfig', () => {
  it('reloads on change, reports broken files without replacing the config, and recovers', async () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[defaults]\nport = 9001\n');
    const w = watching(p);

    writeFileSync(file, '[defaults]\nport = 9002\n');
    await vi.waitFor(() => expect(w.changes.at(-1)?.globals.port).toBe(9002), WAIT);
    const changesBefore = w.changes.length;

    writeFileSync(file, '[defaults\nport = 9003\n');
    await vi.waitFor(() => expect(w.errors.length).toBeGreaterThan(0), WAIT);
    expect(w.errors.at(-1)?.[0]).toMatchObject({ kind: 'toml-syntax', file, line: 1 });
    expect(w.changes).toHaveLength(changesBefore);

    writeFileSync(file, '[defaults]\nport = 9004\n');
    await vi.waitFor(() => expect(w.changes.at(-1)?.globals.port).toBe(9004), WAIT);
    expect(w.changes).toHaveLength(changesBefore + 1);
  });

  it('does not call onChange when a save changes nothing', async () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[defaults]\nport = 9001\n');
    const w = watching(p);
    writeFileSync(file, '[defaults]\nport = 9001\n');
    await vi.waitFor(() => expect(w.reloads()).toBeGreaterThan(0), WAIT);
    expect(w.changes).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('sees a file replaced atomically, as editors save', async () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[defaults]\nport = 9001\n');
    const w = watching(p);
    const temp = path.join(p.cwd, '.vandamme-config.toml.swp');
    writeFileSync(temp, '[defaults]\nport = 9005\n');
    renameSync(temp, file);
    await vi.waitFor(() => expect(w.changes.at(-1)?.globals.port).toBe(9005), WAIT);
  });

  it('sees files that appear later, even in directories that did not exist', async () => {
    const p = tempProject();
    const w = watching(p);
    writeFileSync(path.join(p.cwd, '.env'), 'OPENAI_API_KEY=sk-test-FAKE-0000000000001234\n');
    await vi.waitFor(
      () => expect(w.changes.at(-1)?.providers.has('openai' as never)).toBe(true),
      WAIT,
    );

    const userDir = path.join(p.home, '.config', 'vandamme-proxy');
    mkdirSync(userDir, { recursive: true });
    writeFileSync(path.join(userDir, 'vandamme-config.toml'), '[defaults]\nport = 9006\n');
    await vi.waitFor(() => expect(w.changes.at(-1)?.globals.port).toBe(9006), WAIT);
  });

  it('stops reloading once closed', async () => {
    const p = tempProject();
    const file = p.write('work/vandamme-config.toml', '[defaults]\nport = 9001\n');
    const w = watching(p);
    for (const close of closers.splice(0)) close();
    writeFileSync(file, '[defaults]\nport = 9007\n');
    // Nothing to wait for: prove the negative against a second, live watcher seeing the same write.
    const live = watching(p);
    writeFileSync(file, '[defaults]\nport = 9008\n');
    await vi.waitFor(() => expect(live.changes.at(-1)?.globals.port).toBe(9008), WAIT);
    expect(w.reloads()).toBe(0);
  });
});
