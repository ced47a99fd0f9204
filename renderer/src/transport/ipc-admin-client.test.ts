import { describe, expect, it } from 'vitest';
import type { VdmBridge } from '../../../shared/admin/bridge.js';
import type { AdminEvent } from '../../../shared/admin/contract.js';
import { createIpcAdminClient } from './ipc-admin-client.js';

describe('createIpcAdminClient', () => {
  it("calls the preload's named method for an operation and relays its events", async () => {
    const seen: unknown[] = [];
    const relay: { to?: (event: AdminEvent) => void } = {};
    const bridge = {
      aliasesResolve: async (input: unknown) => {
        seen.push(input);
        return { ok: true, value: { ok: false, message: 'unknown', trace: [] } };
      },
      onEvent: (listener: (event: AdminEvent) => void) => {
        relay.to = listener;
        return () => undefined;
      },
    } as unknown as VdmBridge;
    const client = createIpcAdminClient(bridge);
    const result = await client.call('aliases.resolve', { model: 'x' });
    expect(seen).toEqual([{ model: 'x' }]);
    expect(result.ok).toBe(true);
    const events: AdminEvent[] = [];
    client.subscribe((e) => events.push(e));
    relay.to?.({ kind: 'changed', what: 'keys' });
    expect(events).toEqual([{ kind: 'changed', what: 'keys' }]);
  });
});
