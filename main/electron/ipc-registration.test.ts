import { describe, expect, it, vi } from 'vitest';
import { ADMIN_OPERATIONS } from '../../shared/admin/contract.js';
import { adminChannel } from '../../shared/admin/bridge.js';
import { ok } from '../../shared/result.js';
import { registerAdminIpc, type IpcMainLike } from './ipc-registration.js';
import { fakeAdmin, statusView } from './test-fixtures.js';
import type { IpcSenderEvent } from './trusted-senders.js';

type Listener = (event: IpcSenderEvent, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = async (channel: string, event: IpcSenderEvent, input?: unknown) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, input);
  };
  return { ipc, handlers, invoke };
}

const ours: IpcSenderEvent = { sender: { id: 1 }, senderFrame: { url: 'file:///ui/index.html' } };
const theirs: IpcSenderEvent = { sender: { id: 2 }, senderFrame: { url: 'https://evil.example/' } };
const isTrusted = (event: IpcSenderEvent) => event.sender.id === 1;

describe('registerAdminIpc', () => {
  it('registers one handler per contract operation, and removes them', () => {
    const { ipc, handlers } = fakeIpcMain();
    const remove = registerAdminIpc(
      ipc,
      fakeAdmin(() => ok({})),
      isTrusted,
    );
    expect([...handlers.keys()].sort()).toEqual(ADMIN_OPERATIONS.map(adminChannel).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('refuses an untrusted sender without calling the service', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const admin = fakeAdmin(() => ok(statusView()));
    const onRefused = vi.fn();
    registerAdminIpc(ipc, admin, isTrusted, { onRefused });
    const result = await invoke('vdm:app.status', theirs, {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(admin.calls).toEqual([]);
    expect(onRefused).toHaveBeenCalledWith('vdm:app.status', theirs);
  });

  it("refuses invalid input with the contract's issues, without calling the service", async () => {
    const { ipc, invoke } = fakeIpcMain();
    const admin = fakeAdmin(() => ok({}));
    registerAdminIpc(ipc, admin, isTrusted);
    const result = await invoke('vdm:keys.add', ours, { provider: 'openai', keys: [] });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(admin.calls).toEqual([]);
  });

  it('passes parsed input to the service and returns its Result', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const admin = fakeAdmin(() => ok({ kind: 'configured', name: 'openrouter', reason: null }));
    registerAdminIpc(ipc, admin, isTrusted);
    const result = await invoke('vdm:defaultProvider.set', ours, { name: '  OpenRouter ' });
    expect(admin.calls).toEqual([
      { operation: 'defaultProvider.set', input: { name: 'openrouter' } },
    ]);
    expect(result).toEqual(ok({ kind: 'configured', name: 'openrouter', reason: null }));
  });

  it('turns a throwing service into an internal Result, never a rejection', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const onUnexpected = vi.fn();
    const admin = fakeAdmin(() => {
      throw new Error('secret sk-123 in a message');
    });
    registerAdminIpc(ipc, admin, isTrusted, { onUnexpected });
    const result = await invoke('vdm:app.status', ours, undefined);
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('sk-123');
    expect(onUnexpected).toHaveBeenCalledOnce();
  });

  it('turns a throwing trust check into an internal Result too', async () => {
    const { ipc, invoke } = fakeIpcMain();
    const admin = fakeAdmin(() => ok({}));
    registerAdminIpc(ipc, admin, () => {
      throw new Error('frame gone');
    });
    await expect(invoke('vdm:app.status', ours, {})).resolves.toMatchObject({
      ok: false,
      error: { kind: 'internal' },
    });
    expect(admin.calls).toEqual([]);
  });
});
