import {
  ADMIN_EVENT_CHANNEL,
  adminChannel,
  BRIDGE_METHODS,
  type VdmBridge,
} from '../../shared/admin/bridge.js';
import type { AdminEvent } from '../../shared/admin/contract.js';

/** The part of `ipcRenderer` the preload uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: AdminEvent) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: AdminEvent) => void): unknown;
}

/**
 * `window.vdm`: one named method per contract operation, generated from BRIDGE_METHODS, each
 * invoking exactly its own channel. Never a generic invoke: the page cannot name a channel.
 * The IPC event object is not passed to listeners (it carries `sender`, Electron's security guide).
 */
export function createBridge(ipc: IpcRendererLike): VdmBridge {
  const methods = Object.fromEntries(
    BRIDGE_METHODS.map(({ operation, method }) => [
      method,
      (input: unknown) => ipc.invoke(adminChannel(operation), input),
    ]),
  );
  const onEvent = (listener: (event: AdminEvent) => void) => {
    const relay = (_event: unknown, payload: AdminEvent) => listener(payload);
    ipc.on(ADMIN_EVENT_CHANNEL, relay);
    return () => {
      ipc.removeListener(ADMIN_EVENT_CHANNEL, relay);
    };
  };
  // The cast is where the generated object meets the mapped type; bridge.test.ts checks that
  // every operation has its method.
  return Object.freeze({ ...methods, onEvent }) as unknown as VdmBridge;
}
