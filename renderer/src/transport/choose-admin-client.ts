import type { AdminClient } from '../../../shared/admin/admin-client.js';
import type { VdmBridge } from '../../../shared/admin/bridge.js';
import { takeAdminToken } from './admin-token.js';
import { createHttpAdminClient } from './http-admin-client.js';
import { createIpcAdminClient } from './ipc-admin-client.js';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser talking to `vdm serve`. */
    readonly vdm?: VdmBridge;
  }
}

export type AdminConnection =
  | { readonly kind: 'ready'; readonly client: AdminClient; readonly transport: 'ipc' | 'http' }
  | { readonly kind: 'token-needed' };

/** In the app the preload bridge; in a browser the HTTP API, which needs the admin token. */
export function chooseAdminClient(win: Window): AdminConnection {
  if (win.vdm) return { kind: 'ready', client: createIpcAdminClient(win.vdm), transport: 'ipc' };
  const token = takeAdminToken({
    location: win.location,
    storage: win.sessionStorage,
    history: win.history,
  });
  if (token === null) return { kind: 'token-needed' };
  return { kind: 'ready', client: createHttpAdminClient({ token }), transport: 'http' };
}
