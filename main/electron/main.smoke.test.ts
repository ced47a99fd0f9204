import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppStatusView } from '../../shared/admin/views.js';
import type { Result } from '../../shared/result.js';
import { fakeElectron, fakeEvent, FakeBrowserWindow, FakeTray } from './fake-electron.js';
import { TEST_HOOK_KEY, type TestHook } from './test-hook.js';

// The composition root (main.ts) run for real under Node against a fake `electron` module, since
// the Electron binary cannot run here: the runtime starts, the proxy listens, the tray renders,
// IPC refuses strangers, closing hides the window and quitting drains. What it cannot show is
// Electron itself (the real Tray, BrowserWindow, preload): e2e/electron/app.spec.ts does that.
vi.mock('electron', () => ({ ...fakeElectron, default: fakeElectron }));
// electron-store reads `app` from electron at construction; conf is the same store without it.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class FakeElectronStore extends Conf {
    constructor(options: { name: string; cwd: string; projectVersion: string }) {
      super({ ...options, configName: options.name });
    }
  }
  return { default: FakeElectronStore };
});

const dir = mkdtempSync(join(tmpdir(), 'vdm-electron-smoke-'));
const projectDir = process.cwd();
let hook: TestHook;

const ids = () => hook.trayMenu().map((item) => item.id);
const invoke = (channel: string, event: unknown, input: unknown) => {
  const handler = fakeElectron.ipcHandlers.get(channel) as
    | ((event: unknown, input: unknown) => Promise<Result<AppStatusView, { kind: string }>>)
    | undefined;
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, input);
};

beforeAll(async () => {
  // Isolated from the developer's environment: no ./.env, config or keys leak in.
  vi.stubEnv('VDM_HOME', join(dir, 'home'));
  vi.stubEnv('HOME', dir);
  vi.stubEnv('PORT', '0');
  vi.stubEnv('VDM_SECRET_STORE', 'memory');
  vi.stubEnv('VDM_E2E', '1');
  vi.stubEnv('VDM_LOG_LEVEL', 'silent');
  process.argv.push('--hidden');
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  vi.spyOn(fakeElectron.app, 'getAppPath').mockReturnValue(projectDir);
  await import('./main.js');
  await vi.waitFor(
    () => {
      const found = (globalThis as Record<string, unknown>)[TEST_HOOK_KEY] as TestHook | undefined;
      expect(found?.ready ?? fakeElectron.dialogs).toBe(true);
      hook = found as TestHook;
    },
    { timeout: 15_000 },
  );
});

afterAll(() => {
  process.argv.splice(process.argv.indexOf('--hidden'), 1);
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('main.ts under a fake electron', () => {
  it('starts the proxy and renders the tray, without opening the window (--hidden)', () => {
    expect(fakeElectron.dialogs).toEqual([]);
    expect(FakeTray.current).not.toBeNull();
    expect(hook.trayMenu()[0]).toMatchObject({
      label: expect.stringMatching(/^Proxy running on http:\/\/127\.0\.0\.1:\d+$/),
    });
    expect(ids()).toContain('stop-proxy');
    expect(FakeBrowserWindow.created).toHaveLength(0);
  });

  it('copies the Claude Code setup from the tray', () => {
    hook.clickTray('copy-claude-setup');
    expect(fakeElectron.clipboard.readText()).toMatch(/^export ANTHROPIC_BASE_URL=http:\/\//);
  });

  it('opens one sandboxed window on the built UI, and answers only it over IPC', async () => {
    hook.clickTray('open-window');
    hook.clickTray('open-window');
    expect(FakeBrowserWindow.created).toHaveLength(1);
    const window = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(window.loaded).toBe(join(projectDir, 'dist', 'renderer', 'index.html'));

    const ui = { url: `file://${join(projectDir, 'dist', 'renderer', 'index.html')}` };
    const ours = { sender: { id: window.webContents.id }, senderFrame: ui };
    const status = await invoke('vdm:app.status', ours, {});
    expect(status).toMatchObject({ ok: true, value: { state: 'running' } });
    const stranger = await invoke('vdm:app.status', { sender: { id: 999 }, senderFrame: ui }, {});
    expect(stranger).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('hides the window on close instead of quitting', () => {
    const window = FakeBrowserWindow.created[0] as FakeBrowserWindow;
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.prevented).toBe(true);
  });

  it('stops and starts the proxy from the tray', async () => {
    hook.clickTray('stop-proxy');
    await vi.waitFor(() => expect(ids()).toContain('start-proxy'));
    hook.clickTray('start-proxy');
    await vi.waitFor(() => expect(ids()).toContain('stop-proxy'));
  });

  it('drains and quits from the tray', async () => {
    hook.clickTray('quit');
    await vi.waitFor(() => expect(fakeElectron.app.exited).toBe(0));
    expect(fakeElectron.app.log).toEqual(expect.arrayContaining(['quit held', 'quit']));
    expect(FakeTray.current?.destroyed).toBe(true);
  });
});
