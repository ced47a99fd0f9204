import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import type { SecretStore } from '../secrets/secret-store.js';
import type { OAuthDeps } from './oauth-deps.js';
import { withTestIssuer, type DeviceSupport, type OAuthProvider } from './oauth-provider.js';
import { chatgptProvider } from './providers/chatgpt.js';

/** Test wiring: real fetch on loopback, a clock the fake sleep advances, a memory SecretStore. */
export interface TestDeps extends OAuthDeps {
  readonly secrets: SecretStore;
  readonly sleeps: number[];
  readonly opened: string[];
  advance(ms: number): void;
}

export function createTestDeps(
  openBrowser: (url: string) => Promise<void> | void = () => undefined,
): TestDeps {
  let now = Date.UTC(2026, 0, 1);
  const sleeps: number[] = [];
  const opened: string[] = [];
  return {
    fetch: (url, init) => fetch(url, init),
    clock: { now: () => now },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw signal.reason;
    },
    secrets: createMemorySecretStore(),
    openBrowser: (url) => {
      opened.push(url);
      return openBrowser(url);
    },
    listenHost: '127.0.0.1',
    sleeps,
    opened,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** The ChatGPT preset pointed at a fake server, on test ports, redirecting to 127.0.0.1. */
export function testProvider(
  issuer: string,
  ports: readonly number[],
  device: DeviceSupport = { kind: 'rfc8628', deviceAuthorizationPath: '/oauth/device/code' },
): OAuthProvider {
  const provider = withTestIssuer(chatgptProvider, issuer, { ports, device });
  return { ...provider, redirect: { ...provider.redirect, host: '127.0.0.1' } };
}

/** Ports free right now (bound to 0, then released), so tests never touch 1455. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < count; i += 1) servers.push(await occupy(0));
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map(release));
  return ports;
}

export function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export function release(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
