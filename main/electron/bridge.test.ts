import { describe, expect, it, vi } from 'vitest';
import { ADMIN_EVENT_CHANNEL, BRIDGE_METHODS } from '../../shared/admin/bridge.js';
import type { AdminEvent } from '../../shared/admin/contract.js';
import { createBridge, type IpcRendererLike } from './bridge.js';

function fakeIpcRenderer() {
  const listeners = new Set<(event: unknown, payload: AdminEvent) => void>();
  const ipc: IpcRendererLike = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on: (_channel, listener) => listeners.add(listener),
    removeListener: (_channel, listener) => listeners.delete(listener),
  };
  return { ipc, listeners };
}

describe('createBridge', () => {
  it('has one named method per operation, each invoking its own channel', async () => {
    const { ipc } = fakeIpcRenderer();
    const bridge = createBridge(ipc) as unknown as Record<
      string,
      (input: unknown) => Promise<unknown>
    >;
    for (const { operation, method } of BRIDGE_METHODS) {
      await expect(bridge[method]?.({})).resolves.toEqual({ ok: true, value: `vdm:${operation}` });
    }
    expect(Object.keys(bridge).sort()).toEqual(
      [...BRIDGE_METHODS.map((m) => m.method), 'onEvent'].sort(),
    );
  });

  it('exposes no generic invoke, and cannot be changed by the page', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect('invoke' in bridge).toBe(false);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('relays events without the IPC event object, until unsubscribed', () => {
    const { ipc, listeners } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args) => seen.push(args));
    const event: AdminEvent = { kind: 'changed', what: 'status' };
    listeners.forEach((l) => l({ sender: 'secret' }, event));
    off();
    listeners.forEach((l) => l({}, event));
    expect(seen).toEqual([[event]]);
    expect(ADMIN_EVENT_CHANNEL).toBe('vdm:event');
  });
});
