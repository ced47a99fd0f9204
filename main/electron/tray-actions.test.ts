import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../shared/result.js';
import { fakeAdmin, statusView, trayState } from './test-fixtures.js';
import { runTrayAction, type TrayActionPorts } from './tray-actions.js';

function ports(startProxy?: TrayActionPorts['startProxy']) {
  const admin = fakeAdmin(() => ok({ kind: 'configured', name: 'openrouter', reason: null }));
  return {
    admin,
    copyText: vi.fn(),
    openWindow: vi.fn(),
    startProxy: vi.fn(startProxy ?? (async () => ok({ url: 'http://127.0.0.1:8082' }))),
    stopProxy: vi.fn(async () => undefined),
    quit: vi.fn(),
    reportError: vi.fn(),
  };
}

describe('runTrayAction', () => {
  it('copies the address and the Claude Code setup line', async () => {
    const p = ports();
    await runTrayAction('copy-address', trayState(), p);
    await runTrayAction('copy-claude-setup', trayState(), p);
    expect(p.copyText.mock.calls).toEqual([
      ['http://127.0.0.1:8082'],
      ['export ANTHROPIC_BASE_URL=http://127.0.0.1:8082'],
    ]);
  });

  it('copies nothing when there is no address', async () => {
    const p = ports();
    const state = trayState({ status: statusView({ url: null, claudeCodeSetup: null }) });
    await runTrayAction('copy-address', state, p);
    await runTrayAction('copy-claude-setup', state, p);
    expect(p.copyText).not.toHaveBeenCalled();
  });

  it('starts, stops, opens the window and quits', async () => {
    const p = ports();
    await runTrayAction('start-proxy', trayState(), p);
    await runTrayAction('stop-proxy', trayState(), p);
    await runTrayAction('open-window', trayState(), p);
    await runTrayAction('quit', trayState(), p);
    expect(
      [p.startProxy, p.stopProxy, p.openWindow, p.quit].map((f) => f.mock.calls.length),
    ).toEqual([1, 1, 1, 1]);
  });

  it('reports a proxy that cannot start', async () => {
    const error = {
      kind: 'conflict',
      message: 'port 8082 is in use',
      fix: 'pick another',
    } as const;
    const p = ports(async () => err(error));
    await runTrayAction('start-proxy', trayState(), p);
    expect(p.reportError).toHaveBeenCalledWith(error);
  });

  it('switches the default provider through the admin contract', async () => {
    const p = ports();
    await runTrayAction('default-provider:openrouter', trayState(), p);
    expect(p.admin.calls).toEqual([
      { operation: 'defaultProvider.set', input: { name: 'openrouter' } },
    ]);
    expect(p.reportError).not.toHaveBeenCalled();
  });

  it('reports a refused switch', async () => {
    const p = ports();
    await runTrayAction('default-provider:Not Valid!', trayState(), p);
    expect(p.admin.calls).toEqual([]);
    expect(p.reportError).toHaveBeenCalledWith(expect.objectContaining({ kind: 'invalid-input' }));
  });

  it('ignores unknown ids', async () => {
    const p = ports();
    await runTrayAction('status', trayState(), p);
    expect(p.admin.calls).toEqual([]);
  });
});
