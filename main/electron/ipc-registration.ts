import { dispatchAdmin } from '../admin/dispatch-admin.js';
import type { AdminService } from '../admin/admin-service.js';
import { ADMIN_OPERATIONS } from '../../shared/admin/contract.js';
import { adminChannel } from '../../shared/admin/bridge.js';
import type { AppError } from '../../shared/domain/app-error.js';
import { err, type Result } from '../../shared/result.js';
import type { IpcSenderEvent } from './trusted-senders.js';

/** The part of `ipcMain` we use: tests pass a fake, the app passes Electron's. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface AdminIpcOptions {
  /** Told about what the service threw (logged; never sent to the window). */
  readonly onUnexpected?: (error: unknown) => void;
  /** Told about refused senders, for the log. */
  readonly onRefused?: (channel: string, event: IpcSenderEvent) => void;
}

const UNAUTHORIZED: AppError = {
  kind: 'unauthorized',
  message: 'This request did not come from the Vandamme window.',
  fix: 'Use the Vandamme window to change settings.',
};

const INTERNAL: AppError = {
  kind: 'internal',
  message: 'The request failed unexpectedly.',
  fix: 'See the proxy log for details, and report it if it happens again.',
};

/**
 * One `ipcMain.handle` per contract operation (ARCHITECTURE.md). A sender we did not create gets
 * `unauthorized` without the service being called; input is parsed by `dispatchAdmin`; handlers
 * always resolve to a Result and never throw, because Electron passes only the `message` of a
 * thrown error to the renderer. Returns the function that removes the handlers.
 */
export function registerAdminIpc(
  ipc: IpcMainLike,
  service: AdminService,
  isTrusted: (event: IpcSenderEvent) => boolean,
  options: AdminIpcOptions = {},
): () => void {
  const channels = ADMIN_OPERATIONS.map((operation) => {
    const channel = adminChannel(operation);
    ipc.handle(channel, async (event, input): Promise<Result<unknown, AppError>> => {
      try {
        if (!isTrusted(event)) {
          options.onRefused?.(channel, event);
          return err(UNAUTHORIZED);
        }
        return await dispatchAdmin(service, operation, input, options.onUnexpected);
      } catch (error) {
        options.onUnexpected?.(error);
        return err(INTERNAL);
      }
    });
    return channel;
  });
  return () => channels.forEach((channel) => ipc.removeHandler(channel));
}
