import { describe, expect, it, vi } from 'vitest';
import { ADMIN_EVENT_CHANNEL } from '../../shared/admin/bridge.js';
import { forwardAdminEvents } from './admin-event-forwarding.js';
import { fakeAdmin } from './test-fixtures.js';

describe('forwardAdminEvents', () => {
  it('pushes events to our live windows until unsubscribed', () => {
    const admin = fakeAdmin(() => undefined);
    const live = { isDestroyed: () => false, send: vi.fn() };
    const dead = { isDestroyed: () => true, send: vi.fn() };
    const stop = forwardAdminEvents(admin, () => [live, dead]);
    admin.emit({ kind: 'changed', what: 'keys' });
    stop();
    admin.emit({ kind: 'changed', what: 'config' });
    expect(live.send.mock.calls).toEqual([
      [ADMIN_EVENT_CHANNEL, { kind: 'changed', what: 'keys' }],
    ]);
    expect(dead.send).not.toHaveBeenCalled();
  });
});
