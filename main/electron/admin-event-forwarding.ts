import type { AdminService } from '../admin/admin-service.js';
import { ADMIN_EVENT_CHANNEL } from '../../shared/admin/bridge.js';
import type { AdminEvent } from '../../shared/admin/contract.js';

/** A window's webContents as far as pushing events goes. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, event: AdminEvent): void;
}

/**
 * Pushes every admin event (finished requests, "changed" nudges) to our windows on
 * `ADMIN_EVENT_CHANNEL`; only to the targets we list, so no other webContents hears them.
 * Returns the unsubscribe function.
 */
export function forwardAdminEvents(
  service: Pick<AdminService, 'subscribe'>,
  targets: () => readonly EventTarget[],
): () => void {
  return service.subscribe((event) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(ADMIN_EVENT_CHANNEL, event);
    }
  });
}
