import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { TestHook } from '../../main/electron/test-hook.js';
import { findElectronBinary } from './electron-binary.js';

// The desktop shell end to end: tray by stable ids through the VDM_E2E test hook (Mattermost
// Desktop style), then the window and its preload bridge. Needs `npm run build` and
// `npm run build:electron` first, and the Electron binary, which our CI cannot download.
const projectDir = resolve(import.meta.dirname, '..', '..');
const binary = findElectronBinary(projectDir);

if (binary.kind === 'missing') {
  console.warn(`Electron binary not installed on this machine (MACHINE.md): ${binary.reason}`);
}

type HookedGlobal = typeof globalThis & { __vdmE2E?: TestHook };

test.describe('desktop app @electron', () => {
  test.skip(
    binary.kind === 'missing',
    `Electron binary not installed on this machine (MACHINE.md): ${binary.kind === 'missing' ? binary.reason : ''}`,
  );

  let vdmHome: string;
  let app: ElectronApplication;

  test.beforeEach(async () => {
    expect(
      existsSync(join(projectDir, 'dist', 'electron', 'main.mjs')),
      'run npm run build && npm run build:electron first',
    ).toBe(true);
    // A fresh VDM_HOME per test: no settings or keys leak between tests or from the developer.
    vdmHome = mkdtempSync(join(tmpdir(), 'vdm-e2e-'));
    app = await electron.launch({
      executablePath: binary.kind === 'installed' ? binary.path : undefined,
      args: [projectDir, '--hidden'],
      env: {
        ...process.env,
        VDM_E2E: '1',
        VDM_HOME: vdmHome,
        VDM_SECRET_STORE: 'memory',
        PORT: '0',
      },
    });
    // Readiness flag instead of sleeps.
    await expect
      .poll(() => app.evaluate(() => Boolean((globalThis as HookedGlobal).__vdmE2E?.ready)))
      .toBe(true);
  });

  test.afterEach(async () => {
    await app.close().catch(() => undefined);
    rmSync(vdmHome, { recursive: true, force: true });
  });

  test('the tray shows the running proxy and its actions by stable id', async () => {
    const ids = await app.evaluate(() =>
      ((globalThis as HookedGlobal).__vdmE2E?.trayMenu() ?? []).map((item) => item.id),
    );
    for (const id of [
      'status',
      'copy-address',
      'copy-claude-setup',
      'default-provider',
      'open-window',
      'stop-proxy',
      'quit',
    ]) {
      expect(ids).toContain(id);
    }

    await app.evaluate(() => (globalThis as HookedGlobal).__vdmE2E?.clickTray('copy-claude-setup'));
    const copied = await app.evaluate(({ clipboard }) => clipboard.readText());
    expect(copied).toMatch(/^export ANTHROPIC_BASE_URL=http:\/\/127\.0\.0\.1:\d+/);

    await app.evaluate(() => (globalThis as HookedGlobal).__vdmE2E?.clickTray('stop-proxy'));
    await expect
      .poll(() =>
        app.evaluate(() =>
          ((globalThis as HookedGlobal).__vdmE2E?.trayMenu() ?? []).map((item) => item.id),
        ),
      )
      .toContain('start-proxy');
  });

  test('the window opens from the tray, isolated, with the named bridge only', async () => {
    const windowOpened = app.waitForEvent('window');
    await app.evaluate(() => (globalThis as HookedGlobal).__vdmE2E?.clickTray('open-window'));
    const page = await windowOpened;
    await page.waitForLoadState('domcontentloaded');

    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      methods: Object.keys((globalThis as unknown as { vdm: object }).vdm).sort(),
    }));
    expect(exposed.require).toBe('undefined');
    expect(exposed.process).toBe('undefined');
    expect(exposed.methods).toContain('appStatus');
    expect(exposed.methods).not.toContain('invoke');

    const status = await page.evaluate(() =>
      (
        globalThis as unknown as { vdm: { appStatus(input: object): Promise<unknown> } }
      ).vdm.appStatus({}),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'running' } });
  });

  test('quit from the tray drains and exits', async () => {
    const closed = app.waitForEvent('close');
    await app.evaluate(() => (globalThis as HookedGlobal).__vdmE2E?.clickTray('quit'));
    await closed;
  });
});
