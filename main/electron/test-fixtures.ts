import type { AdminService } from '../admin/admin-service.js';
import type { AdminEvent } from '../../shared/admin/contract.js';
import type { AppStatusView, ProviderView } from '../../shared/admin/views.js';
import type { TrayState } from './tray-state.js';

/** Shared fixtures of the main/electron tests (no Electron needed). */

export function statusView(overrides: Partial<AppStatusView> = {}): AppStatusView {
  return {
    version: '0.1.0',
    state: 'running',
    url: 'http://127.0.0.1:8082',
    claudeCodeSetup: 'export ANTHROPIC_BASE_URL=http://127.0.0.1:8082',
    defaultProvider: { kind: 'configured', name: 'openai', reason: null },
    attention: [],
    notices: [],
    configErrors: [],
    ...overrides,
  };
}

export function providerView(overrides: Partial<ProviderView> & { name: string }): ProviderView {
  return {
    apiFormat: 'openai',
    baseUrl: 'https://api.example.com/v1',
    apiVersion: null,
    authMode: 'api_key',
    status: { kind: 'ready' },
    isDefault: false,
    oauth: null,
    keys: [],
    sources: {},
    readOnlyFields: [],
    keysEditable: true,
    removable: false,
    ...overrides,
  };
}

export function trayState(overrides: Partial<TrayState> = {}): TrayState {
  const status = overrides.status ?? statusView();
  return {
    status,
    providers: [
      { name: 'openai', isDefault: true, isOAuth: false, oauth: null },
      { name: 'chatgpt', isDefault: false, isOAuth: true, oauth: 'signed-in' },
    ],
    proxyRunning: status.state === 'running',
    ...overrides,
  };
}

export interface FakeAdmin extends AdminService {
  readonly calls: { operation: string; input: unknown }[];
  emit(event: AdminEvent): void;
}

/** An AdminService whose `handle` answers with `reply` (or throws what it throws) and records calls. */
export function fakeAdmin(reply: (operation: string, input: unknown) => unknown): FakeAdmin {
  const calls: { operation: string; input: unknown }[] = [];
  const listeners = new Set<(event: AdminEvent) => void>();
  const handle = async (operation: string, input: unknown) => {
    calls.push({ operation, input });
    return reply(operation, input);
  };
  return {
    calls,
    handle: handle as AdminService['handle'],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event) => listeners.forEach((listener) => listener(event)),
  };
}
