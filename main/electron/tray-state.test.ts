import { describe, expect, it } from 'vitest';
import { err, ok } from '../../shared/result.js';
import { fakeAdmin, providerView, statusView } from './test-fixtures.js';
import { readTrayState } from './tray-state.js';

describe('readTrayState', () => {
  it('takes providers from providers.list, marking OAuth ones and their sign-in', async () => {
    const admin = fakeAdmin(() =>
      ok({
        providers: [
          providerView({ name: 'openai', isDefault: true }),
          providerView({
            name: 'chatgpt',
            authMode: 'oauth',
            oauth: { kind: 'expired', since: 1 },
          }),
        ],
        defaultProvider: { kind: 'configured', name: 'openai', reason: null },
        presets: [],
        now: 0,
      }),
    );
    const state = await readTrayState(statusView(), admin);
    expect(admin.calls).toEqual([{ operation: 'providers.list', input: {} }]);
    expect(state.proxyRunning).toBe(true);
    expect(state.providers).toEqual([
      { name: 'openai', isDefault: true, isOAuth: false, oauth: null },
      { name: 'chatgpt', isDefault: false, isOAuth: true, oauth: 'expired' },
    ]);
  });

  it('shows no providers rather than failing when the list fails', async () => {
    const admin = fakeAdmin(() => err({ kind: 'internal', message: 'x', fix: 'y' }));
    const state = await readTrayState(statusView({ state: 'stopped' }), admin);
    expect(state).toMatchObject({ providers: [], proxyRunning: false });
  });
});
